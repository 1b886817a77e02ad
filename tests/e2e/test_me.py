"""e2e: GET/PATCH/DELETE /api/auth/me — profile, changes and their revocations, deletion."""
import time

from tests.e2e.api_test_case import ApiTestCase, INT, NULLABLE_STR, TS, parse_ts
from tests.kit.api import api, login_reply, new_user, register, unique
from tests.kit.bcrypt import verify_bcrypt
from tests.kit.suite_stack import BCRYPT_COST, psql

ME_USER = {"id": INT, "username": str, "email": str, "email_verified": bool, "created_at": TS,
           "updated_at": TS}
BAD_PASSWORD = "Current password is incorrect"


class GetMeTest(ApiTestCase):

    def test_shape(self):
        u = new_user()
        r = api("GET", "/api/auth/me", token=u.token)
        body = self.assertOk(r)
        self.assertShape(body, {"success": bool, "user": ME_USER, "current_session": {
            "id": INT, "name": NULLABLE_STR, "created_at": TS}})
        self.assertEqual(body["user"]["id"], u.id)
        self.assertEqual(body["user"]["username"], u.username)
        self.assertEqual(body["user"]["email"], u.email)
        self.assertEqual(body["current_session"]["id"], u.session_id)


class PatchMeTest(ApiTestCase):

    def patch(self, u, body, token=None):
        return api("PATCH", "/api/auth/me", body, token=token or u.token)

    def assertUpdated(self, r):
        body = self.assertOk(r)
        self.assertShape(body, {"success": bool, "message": str, "user": ME_USER})
        self.assertEqual(body["message"], "User updated")
        return body["user"]

    def test_change_username_needs_the_password(self):
        u = new_user()
        before = self.assertOk(api("GET", "/api/auth/me", token=u.token))["user"]
        time.sleep(1.1)         # timestamps may have one-second resolution
        new = unique("Renamed")
        # A name change answers "taken" or not: with a stolen token alone, that is no oracle.
        self.assertError(self.patch(u, {"username": new}), 400, "validation_error",
                         field="current_password")
        self.assertError(self.patch(u, {"username": new, "current_password": "wrong password"}),
                         403, "invalid_password", BAD_PASSWORD)
        user = self.assertUpdated(self.patch(u, {"username": new,
                                                 "current_password": u.password}))
        self.assertEqual(user["username"], new)
        self.assertEqual(user["created_at"], before["created_at"])
        self.assertGreater(parse_ts(user["updated_at"]), parse_ts(before["updated_at"]))
        self.assertEqual(login_reply(new, u.password).status, 200)
        self.assertError(login_reply(u.username, u.password), 401, "invalid_credentials")
        # Renaming leaves every token alone.
        self.assertValidToken(u.token, u.session_id)
        # The old name is free again.
        self.assertOk(register(u.username), 201)

    def test_change_only_the_case_of_ones_own_username(self):
        u = new_user("case")
        user = self.assertUpdated(self.patch(u, {"username": u.username.upper(),
                                                 "current_password": u.password}))
        self.assertEqual(user["username"], u.username.upper())

    def test_username_taken_or_invalid(self):
        u, other = new_user(), new_user()
        for name in (other.username, other.username.upper()):
            with self.subTest(username=name):
                self.assertError(self.patch(u, {"username": name,
                                                "current_password": u.password}),
                                 409, "username_taken", "Username already exists")
        for name in ("ab", "x" * 51, "with space", 17, ""):
            with self.subTest(username=name):
                self.assertError(self.patch(u, {"username": name,
                                                "current_password": u.password}),
                                 400, "validation_error", field="username")
        me = self.assertOk(api("GET", "/api/auth/me", token=u.token))["user"]
        self.assertEqual(me["username"], u.username)

    def test_change_email(self):
        u = new_user()
        new = unique("New") + "@Example.org"
        self.assertError(self.patch(u, {"email": new}), 400, "validation_error",
                         field="current_password")
        self.assertError(self.patch(u, {"email": new, "current_password": "wrong password"}),
                         403, "invalid_password", BAD_PASSWORD)
        user = self.assertUpdated(self.patch(u, {"email": new, "current_password": u.password}))
        self.assertEqual(user["email"], new.lower())
        self.assertEqual(login_reply(new.lower(), u.password).status, 200)
        self.assertValidToken(u.token, u.session_id)

    def test_email_taken_or_invalid(self):
        u, other = new_user(), new_user()
        r = self.patch(u, {"email": other.email.upper(), "current_password": u.password})
        self.assertError(r, 409, "email_taken", "Email already exists")
        for email in ("nope", "a@b", 5):
            with self.subTest(email=email):
                r = self.patch(u, {"email": email, "current_password": u.password})
                self.assertError(r, 400, "validation_error", field="email")
        me = self.assertOk(api("GET", "/api/auth/me", token=u.token))["user"]
        self.assertEqual(me["email"], u.email)

    def test_change_password_revokes_the_other_tokens(self):
        u = new_user()
        same_session, _ = u.login()
        other_session, other_sid = u.login(new_session=True)
        new = "a brand new password"
        self.assertError(self.patch(u, {"password": new}), 400, "validation_error",
                         field="current_password")
        self.assertError(self.patch(u, {"password": new, "current_password": "wrong password"}),
                         403, "invalid_password", BAD_PASSWORD)
        # Nothing was revoked by the refused attempts.
        self.assertValidToken(same_session)
        self.assertUpdated(self.patch(u, {"password": new, "current_password": u.password}))
        self.assertValidToken(u.token, u.session_id)
        self.assertInvalidToken(same_session)
        self.assertInvalidToken(other_session)
        # The other session itself stays (only tokens are revoked).
        self.assertOk(api("GET", "/api/sessions/%d" % other_sid, token=u.token))
        self.assertError(login_reply(u.username, u.password), 401, "invalid_credentials")
        self.assertEqual(login_reply(u.username, new).status, 200)
        stored = psql("SELECT password_hash FROM users WHERE id = %d" % u.id)
        self.assertTrue(stored.startswith("$2b$%02d$" % BCRYPT_COST), stored)
        self.assertTrue(verify_bcrypt(new, stored))

    def test_new_password_rules(self):
        u = new_user()
        for pw in ("short77", "p" * 73, u.username, u.email, 12345678):
            with self.subTest(password=pw):
                r = self.patch(u, {"password": pw, "current_password": u.password})
                self.assertError(r, 400, "validation_error", field="password")
        self.assertEqual(login_reply(u.username, u.password).status, 200)

    def test_bad_bodies_change_nothing(self):
        u = new_user()
        for body, code in (([], "invalid_json"), ("x", "invalid_json"),
                           ({"username": ["a"]}, "validation_error"),
                           ({"current_password": 5, "email": "a@b.cd"}, "validation_error")):
            with self.subTest(body=body):
                self.assertError(self.patch(u, body), 400, code)
        me = self.assertOk(api("GET", "/api/auth/me", token=u.token))["user"]
        self.assertEqual((me["username"], me["email"]), (u.username, u.email))


class DeleteMeTest(ApiTestCase):

    def test_delete_account(self):
        u = new_user()
        second, _ = u.login(new_session=True)
        self.assertError(api("DELETE", "/api/auth/me", {}, token=u.token), 400,
                         "validation_error", field="password")
        self.assertError(api("DELETE", "/api/auth/me", {"password": "wrong password"},
                             token=u.token), 403, "invalid_password", BAD_PASSWORD)
        self.assertValidToken(u.token)
        r = api("DELETE", "/api/auth/me", {"password": u.password}, token=u.token)
        body = self.assertOk(r)
        self.assertShape(body, {"success": bool, "message": str})
        self.assertEqual(body["message"], "Account deleted")
        self.assertInvalidToken(u.token)
        self.assertInvalidToken(second)
        self.assertError(login_reply(u.username, u.password), 401, "invalid_credentials")
        for table in ("users WHERE id", "sessions WHERE user_id", "session_tokens WHERE user_id"):
            self.assertEqual(psql("SELECT count(*) FROM %s = %d" % (table, u.id)), "0", table)
        # Name and email are free again.
        self.assertOk(register(u.username, u.email), 201)

    def test_delete_without_a_body(self):
        u = new_user()
        r = api("DELETE", "/api/auth/me", token=u.token)
        self.assertEqual(r.status, 400, r)
        self.assertJson(r)
        self.assertIn(r.json.get("code"), ("invalid_json", "validation_error"), r)
        self.assertValidToken(u.token)
