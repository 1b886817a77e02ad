"""e2e: forgotten passwords through the real outbox, worker and SMTP sink — POST
/api/auth/password/forgot (the same answer, and about the same time, whether or not the account
exists) and /reset (the token in the mailed link works once, for its lifetime, and is voided by a
newer request or a password change), with every bad input a clear 4xx that changes nothing."""
import statistics
import time

from tests.e2e.api_test_case import ApiTestCase
from tests.kit.api import (api, count_mail, forgot, login_reply, new_user, next_mail,
                           reset_password, sha256_hex, unique)
from tests.kit.suite_stack import psql, stack

RESET = "Reset your modforge password"
CHANGED = "Your modforge password was changed"
ANSWER = {"success": True, "message": "If that account exists, a reset link has been sent"}


def reset_mail(u, login=None):
    """Asks for a reset of u (by `login`, default its email); the mail that arrives."""
    before = count_mail(u.email, RESET)
    r = forgot(login or u.email)
    assert r.status == 202, r
    return next_mail(u.email, RESET, before)


def outbox_rows(user_id, subject):
    return int(psql("SELECT count(*) FROM mail_outbox WHERE user_id = %d AND subject = '%s'"
                    % (user_id, subject)))


class ForgotTest(ApiTestCase):

    def test_the_same_answer_for_every_account_and_none(self):
        u, off = new_user(), new_user()
        psql("UPDATE users SET is_active = false WHERE id = %d" % off.id)
        replies = [forgot(login) for login in (u.email, u.username.upper(), off.email,
                                               unique() + "@example.com", unique())]
        for r in replies:
            self.assertEqual(r.status, 202, r)
            self.assertEqual(r.json, ANSWER)
            self.assertEqual(r.text, replies[0].text)
            self.assertEqual(r.headers.get("Content-Type"), replies[0].headers.get("Content-Type"))
        # By email and by username (in any case): two mails, and none for the disabled account
        # or the names that are nobody's.
        mails = stack().mailbox.wait_for(u.email, RESET, 2)
        self.assertEqual(len(mails), 2)
        self.assertEqual(outbox_rows(off.id, RESET), 0)
        self.assertEqual(psql("SELECT count(*) FROM mail_outbox m LEFT JOIN users u ON "
                              "u.id = m.user_id WHERE u.id IS NULL"), "0")

    def test_about_the_same_time_whether_the_account_exists_or_not(self):
        # The same transactions either way; an account adds a few statements to the last (its
        # token, mail and event). What would show is work of another order: SMTP, or bcrypt,
        # in the request.
        u = new_user()
        times = {"known": [], "unknown": []}
        for _ in range(25):
            for kind, login in (("known", u.email), ("unknown", unique() + "@example.com")):
                t0 = time.monotonic()
                r = forgot(login)
                times[kind].append(time.monotonic() - t0)
                self.assertEqual(r.status, 202, r)
        med = {k: statistics.median(v) for k, v in times.items()}
        print("     forgot, median of 25: known %.1f ms, unknown %.1f ms" % (
            1000 * med["known"], 1000 * med["unknown"]))
        self.assertLessEqual(max(med.values()), 2 * min(med.values()), "median seconds: %r" % med)

    def test_the_mail_carries_a_link_and_the_token_alone(self):
        u = new_user()
        m = reset_mail(u)
        token = m.token("reset")
        self.assertEqual(m.link("reset"), stack().url + "/#reset=" + token)
        self.assertEqual(m.to, u.email)
        self.assertIn("30 minutes", m.body)
        # Only the token's SHA-256 is stored, and the mail's text is gone once it was sent.
        self.assertEqual(psql("SELECT count(*) FROM email_tokens WHERE token_hash = '%s' AND "
                              "purpose = 'reset'" % sha256_hex(token)), "1")
        self.assertEqual(psql("SELECT count(*) FROM mail_outbox WHERE body LIKE '%%%s%%'"
                              % token), "0")
        self.assertEqual(psql("SELECT count(*) FROM email_tokens WHERE token_hash = '%s'"
                              % token), "0")

    def test_bad_requests(self):
        cases = [({}, "email"), ({"email": 5}, "email"), ({"email": ""}, "email"),
                 ({"email": "nodot@localhost"}, "email"), ({"email": "a b@example.com"}, "email"),
                 ({"email": "x" * 300 + "@example.com"}, "email"), ({"email": "ab"}, "email"),
                 ({"email": "a" * 51}, "email"), ({"email": "bad\u0000@example.com"}, "email"),
                 ({"email": "eve@example.com\r\nBcc: x@example.com"}, "email")]
        before = psql("SELECT count(*) FROM mail_outbox")
        for body, field in cases:
            with self.subTest(body=str(body)[:40]):
                self.assertError(api("POST", "/api/auth/password/forgot", body), 400,
                                 "validation_error", field=field)
        self.assertError(api("POST", "/api/auth/password/forgot", raw="{"), 400, "invalid_json")
        self.assertEqual(psql("SELECT count(*) FROM mail_outbox"), before)


class ResetTest(ApiTestCase):

    def test_a_reset_sets_the_password_once_and_ends_every_login(self):
        u = new_user()
        device, _ = u.login()
        token = reset_mail(u).token("reset")
        notices = count_mail(u.email, CHANGED)

        r = reset_password(token, "a brand new password")
        self.assertEqual(r.json, {"success": True, "message": "Password reset"})
        self.assertEqual(r.status, 200)
        self.assertEqual(login_reply(u.username, u.password).status, 401)
        self.assertEqual(login_reply(u.username, "a brand new password").status, 200)
        for t in (u.token, device):
            self.assertInvalidToken(t)

        # Once.
        self.assertError(reset_password(token, "another new password"), 400,
                         "invalid_reset_token")
        self.assertEqual(login_reply(u.username, "a brand new password").status, 200)

        # The notice, the security log, and the address counts as verified now.
        notice = next_mail(u.email, CHANGED, notices)
        self.assertNotIn("#", notice.body)
        token = login_reply(u.username, "a brand new password").json["session"]["token"]
        kinds = [e["kind"] for e in api("GET", "/api/auth/events", token=token).json["events"]]
        # Newest first: the reset follows its request.
        self.assertLess(kinds.index("password_reset"), kinds.index("password_reset_requested"))
        me = api("GET", "/api/auth/me", token=token).json["user"]
        self.assertIs(me["email_verified"], True)

    def test_unknown_and_malformed_tokens(self):
        u = new_user()
        reset_mail(u)
        for token in ["", "abc", "g" * 64, "A" * 64, "0" * 64, "0" * 63, "0" * 65,
                      sha256_hex("not a token"), " " + "0" * 63, "0" * 64 + "\n",
                      "../" * 21 + "0", "\u00e9" * 32]:
            with self.subTest(token=token[:20]):
                self.assertError(reset_password(token, "a brand new password"), 400,
                                 "invalid_reset_token")
        for body, field in [({"password": "a brand new password"}, "token"),
                            ({"token": 5, "password": "a brand new password"}, "token"),
                            ({"token": "0" * 64}, "password"),
                            ({"token": "0" * 64, "password": None}, "password")]:
            with self.subTest(body=body):
                self.assertError(api("POST", "/api/auth/password/reset", body), 400,
                                 "validation_error", field=field)
        self.assertEqual(login_reply(u.username, u.password).status, 200)

    def test_an_expired_token_is_refused(self):
        u = new_user()
        token = reset_mail(u).token("reset")
        psql("UPDATE email_tokens SET expires_at = now() - interval '1 second' "
             "WHERE user_id = %d" % u.id)
        self.assertError(reset_password(token, "a brand new password"), 400,
                         "invalid_reset_token")
        self.assertEqual(login_reply(u.username, u.password).status, 200)

    def test_a_newer_request_voids_the_older_link(self):
        u = new_user()
        first = reset_mail(u).token("reset")
        second = reset_mail(u, u.username).token("reset")
        self.assertNotEqual(first, second)
        self.assertError(reset_password(first, "a brand new password"), 400,
                         "invalid_reset_token")
        self.assertOk(reset_password(second, "a brand new password"))

    def test_a_password_or_email_change_voids_the_link(self):
        u = new_user()
        token = reset_mail(u).token("reset")
        self.assertOk(api("PATCH", "/api/auth/me", {"password": "changed by the owner",
                                                    "current_password": u.password},
                          token=u.token))
        self.assertError(reset_password(token, "a brand new password"), 400,
                         "invalid_reset_token")
        self.assertEqual(login_reply(u.username, "changed by the owner").status, 200)

        v = new_user()
        token = reset_mail(v).token("reset")
        self.assertOk(api("PATCH", "/api/auth/me", {"email": unique() + "@example.com",
                                                    "current_password": v.password},
                          token=v.token))
        self.assertError(reset_password(token, "a brand new password"), 400,
                         "invalid_reset_token")
        self.assertEqual(login_reply(v.username, v.password).status, 200)

    def test_a_bad_password_is_refused_and_the_link_still_works(self):
        u = new_user()
        token = reset_mail(u).token("reset")
        for password in ("short", "p" * 73, u.username, u.email, "nul\u0000inside it"):
            with self.subTest(password=password[:20]):
                self.assertError(reset_password(token, password), 400, "validation_error",
                                 field="password")
        self.assertEqual(login_reply(u.username, u.password).status, 200)
        self.assertOk(reset_password(token, "a brand new password"))

    def test_a_disabled_account_cannot_reset(self):
        u = new_user()
        token = reset_mail(u).token("reset")
        psql("UPDATE users SET is_active = false WHERE id = %d" % u.id)
        self.assertError(reset_password(token, "a brand new password"), 400,
                         "invalid_reset_token")
        psql("UPDATE users SET is_active = true WHERE id = %d" % u.id)
        self.assertEqual(login_reply(u.username, u.password).status, 200)
