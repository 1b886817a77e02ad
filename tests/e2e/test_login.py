"""e2e: POST /api/auth/login — shape, session resumption, failures, rehashing, timing."""
import statistics
import time

from tests.e2e.api_test_case import ApiTestCase, INT, NULLABLE_STR, TS, UUID4
from tests.kit.api import api, login_reply, new_user, sha256_hex, unique
from tests.kit.bcrypt import bcrypt, verify_bcrypt
from tests.kit.suite_stack import BCRYPT_COST, LAST_USED_INTERVAL, psql

LOGIN_SHAPE = {"success": bool, "message": str,
               "session": {"id": INT, "token": UUID4, "name": NULLABLE_STR, "created_at": TS},
               "user": {"id": INT, "username": str, "email": str, "email_verified": bool}}


class LoginTest(ApiTestCase):

    def test_success_shape(self):
        u = new_user()
        r = login_reply(u.username, u.password)
        body = self.assertOk(r)
        self.assertShape(body, LOGIN_SHAPE)
        self.assertEqual(body["message"], "Login successful")
        self.assertEqual(body["user"], {"id": u.id, "username": u.username, "email": u.email,
                                        "email_verified": False})
        self.assertNotIn(u.password, r.text)

    def test_first_login_creates_the_first_session(self):
        u = new_user()
        self.assertEqual(psql("SELECT count(*) FROM sessions WHERE user_id = %d" % u.id), "1")
        self.assertValidToken(u.token, u.session_id)

    def test_only_the_token_hash_is_stored(self):
        u = new_user()
        self.assertEqual(psql("SELECT count(*) FROM session_tokens WHERE token_hash = '%s'"
                              % sha256_hex(u.token)), "1")
        dump = psql("SELECT t::text FROM session_tokens t WHERE user_id = %d" % u.id)
        self.assertNotIn(u.token, dump)

    def test_login_by_username_email_any_case(self):
        u = new_user("Mixed")
        variants = [{"username": u.username}, {"username": u.username.upper()},
                    {"username": u.username.lower()}, {"username": u.email},
                    {"email": u.email}, {"email": u.email.upper()}, {"username": u.email.upper()}]
        for who in variants:
            with self.subTest(**who):
                r = api("POST", "/api/auth/login", dict(who, password=u.password))
                body = self.assertOk(r)
                self.assertEqual(body["user"]["id"], u.id)
                self.assertEqual(body["user"]["username"], u.username)
                self.assertEqual(body["session"]["id"], u.session_id)

    def test_login_resumes_the_session_with_a_fresh_token(self):
        u = new_user()
        tokens = {u.token}
        for _ in range(3):
            token, sid = u.login()
            self.assertEqual(sid, u.session_id)
            self.assertNotIn(token, tokens)
            tokens.add(token)
        for t in tokens:
            self.assertValidToken(t, u.session_id)
        self.assertEqual(psql("SELECT count(*) FROM sessions WHERE user_id = %d" % u.id), "1")

    def test_new_session_true_creates_another_session(self):
        u = new_user()
        r = login_reply(u.username, u.password, new_session=True)
        body = self.assertOk(r)
        self.assertShape(body, LOGIN_SHAPE)
        sid = body["session"]["id"]
        self.assertNotEqual(sid, u.session_id)
        self.assertValidToken(body["session"]["token"], sid)
        self.assertValidToken(u.token, u.session_id)
        self.assertEqual(psql("SELECT count(*) FROM sessions WHERE user_id = %d" % u.id), "2")
        # new_session: false is an ordinary login.
        r = login_reply(u.username, u.password, new_session=False)
        self.assertIn(self.assertOk(r)["session"]["id"], (sid, u.session_id))

    def test_login_resumes_the_most_recently_used_session(self):
        u = new_user()
        _, newer = u.login(new_session=True)
        self.assertEqual(u.login()[1], newer)
        # Using the older session's token (after the coalescing window) makes it the latest.
        time.sleep(LAST_USED_INTERVAL + 0.5)
        self.assertValidToken(u.token, u.session_id)
        self.assertEqual(u.login()[1], u.session_id)

    def test_wrong_password_unknown_user_and_disabled_account_look_the_same(self):
        u = new_user()
        off = new_user()
        psql("UPDATE users SET is_active = false WHERE id = %d" % off.id)
        replies = [login_reply(u.username, "not the password"),
                   login_reply(unique(), "not the password"),
                   login_reply(unique() + "@example.com", "not the password"),
                   login_reply(off.username, off.password)]
        for r in replies:
            self.assertError(r, 401, "invalid_credentials", "Invalid credentials")
            self.assertEqual(r.text, replies[0].text)
            self.assertEqual(r.headers.get("Content-Type"), replies[0].headers.get("Content-Type"))

    def test_failure_timing_does_not_reveal_the_user(self):
        u = new_user()
        off = new_user()
        psql("UPDATE users SET is_active = false WHERE id = %d" % off.id)
        times = {"unknown": [], "wrong": [], "disabled": []}
        attempts = {"unknown": lambda: login_reply(unique(), "not the password"),
                    "wrong": lambda: login_reply(u.username, "not the password"),
                    "disabled": lambda: login_reply(off.username, off.password)}
        for _ in range(7):
            for kind, attempt in attempts.items():
                t0 = time.monotonic()
                r = attempt()
                times[kind].append(time.monotonic() - t0)
                self.assertEqual(r.status, 401, r)
        med = {k: statistics.median(v) for k, v in times.items()}
        self.assertLessEqual(max(med.values()), 2 * min(med.values()), "median seconds: %r" % med)

    def test_old_bcrypt_hashes_verify_and_are_upgraded(self):
        for prefix in ("$2b$", "$2a$", "$2y$"):
            with self.subTest(prefix=prefix):
                u = new_user()
                psql("UPDATE users SET password_hash = '%s' WHERE id = %d"
                     % (bcrypt(u.password, 4, prefix), u.id))
                self.assertEqual(login_reply(u.username, u.password).status, 200)
                stored = psql("SELECT password_hash FROM users WHERE id = %d" % u.id)
                self.assertTrue(stored.startswith("$2b$%02d$" % BCRYPT_COST), stored)
                self.assertTrue(verify_bcrypt(u.password, stored), stored)
                self.assertEqual(login_reply(u.username, u.password).status, 200)

    def test_a_failed_login_does_not_rehash(self):
        u = new_user()
        old = bcrypt(u.password, 4)
        psql("UPDATE users SET password_hash = '%s' WHERE id = %d" % (old, u.id))
        self.assertEqual(login_reply(u.username, "wrong password!").status, 401)
        self.assertEqual(psql("SELECT password_hash FROM users WHERE id = %d" % u.id), old)

    def test_bad_login_requests(self):
        u = new_user()
        cases = [({"password": u.password}, "username"),
                 ({"username": u.username}, "password"),
                 ({"username": 42, "password": u.password}, "username"),
                 ({"email": ["x"], "password": u.password}, "email"),
                 ({"username": u.username, "password": None}, "password"),
                 ({"username": u.username, "password": 12345678}, "password"),
                 ({"username": u.username, "password": u.password, "new_session": "yes"},
                  "new_session")]
        for body, field in cases:
            with self.subTest(body=body):
                r = api("POST", "/api/auth/login", body)
                self.assertError(r, 400, "validation_error", field=field)
        self.assertAlive()
