"""e2e: verified addresses through the real outbox, worker and SMTP sink — the link mailed on
registration and on an email change (with a notice to the old address), POST
/api/auth/email/verify and /resend, and every bad token a clear 400 that changes nothing."""
from tests.e2e.api_test_case import ApiTestCase, INT, TS
from tests.kit.api import (api, count_mail, forgot, new_user, next_mail, sha256_hex, unique,
                           verify_email)
from tests.kit.suite_stack import psql, stack

VERIFY = "Confirm your email address for modforge"
CHANGED = "Your modforge email address was changed"
VERIFIED_USER = {"id": INT, "username": str, "email": str, "email_verified": bool,
                 "created_at": TS, "updated_at": TS}


def verified(u):
    return api("GET", "/api/auth/me", token=u.token).json["user"]["email_verified"]


class VerifyTest(ApiTestCase):

    def test_registration_mails_a_link_that_verifies_once(self):
        u = new_user()
        self.assertIs(verified(u), False)
        m = next_mail(u.email, VERIFY)
        token = m.token("verify")
        self.assertEqual(m.link("verify"), stack().url + "/#verify=" + token)
        self.assertIn("7 days", m.body)

        r = verify_email(token)
        body = self.assertOk(r)
        self.assertShape(body, {"success": bool, "message": str, "user": VERIFIED_USER})
        self.assertEqual(body["message"], "Email verified")
        self.assertEqual((body["user"]["id"], body["user"]["email"], body["user"]["email_verified"]),
                         (u.id, u.email, True))
        self.assertIs(verified(u), True)
        self.assertIs(api("GET", "/api/auth/verify", token=u.token).json["user"]["email_verified"],
                      True)
        event = api("GET", "/api/auth/events", token=u.token).json["events"][0]
        self.assertEqual((event["kind"], event["ip_address"]), ("email_verified", "127.0.0.1"))

        self.assertError(verify_email(token), 400, "invalid_verification_token")
        self.assertEqual(psql("SELECT count(*) FROM email_tokens WHERE token_hash = '%s' AND "
                              "used_at IS NOT NULL" % sha256_hex(token)), "1")

    def test_an_email_change_unverifies_and_mails_both_addresses(self):
        u = new_user()
        first = next_mail(u.email, VERIFY).token("verify")
        self.assertOk(verify_email(first))
        old, new = u.email, unique() + "@example.com"
        r = api("PATCH", "/api/auth/me", {"email": new.upper(), "current_password": u.password},
                token=u.token)
        self.assertIs(self.assertOk(r)["user"]["email_verified"], False)
        self.assertIs(verified(u), False)

        notice = next_mail(old, CHANGED)
        self.assertIn("%s to %s" % (old, new), notice.body)
        self.assertNotIn("#", notice.body)
        token = next_mail(new, VERIFY).token("verify")
        self.assertEqual(verify_email(token).json["user"]["email"], new)
        self.assertIs(verified(u), True)

    def test_a_link_for_an_address_the_account_no_longer_has(self):
        u = new_user()
        token = next_mail(u.email, VERIFY).token("verify")
        self.assertOk(api("PATCH", "/api/auth/me", {"email": unique() + "@example.com",
                                                    "current_password": u.password},
                          token=u.token))
        self.assertError(verify_email(token), 400, "invalid_verification_token")
        self.assertIs(verified(u), False)

    def test_expired_malformed_and_other_tokens(self):
        u = new_user()
        token = next_mail(u.email, VERIFY).token("verify")
        psql("UPDATE email_tokens SET expires_at = now() - interval '1 second' "
             "WHERE user_id = %d AND purpose = 'verify'" % u.id)
        self.assertError(verify_email(token), 400, "invalid_verification_token")
        # A reset token is no verification token.
        before = count_mail(u.email, "Reset")
        self.assertEqual(forgot(u.email).status, 202)
        reset = next_mail(u.email, "Reset", before).token("reset")
        self.assertError(verify_email(reset), 400, "invalid_verification_token")
        for bad in ["", "0" * 64, "x", "0" * 1000, sha256_hex("x").upper(), "\u2603" * 64]:
            with self.subTest(token=bad[:12]):
                self.assertError(verify_email(bad), 400, "invalid_verification_token")
        for body in ({}, {"token": None}, {"token": ["a"]}):
            with self.subTest(body=body):
                self.assertError(api("POST", "/api/auth/email/verify", body), 400,
                                 "validation_error", field="token")
        self.assertIs(verified(u), False)


class ResendTest(ApiTestCase):

    def test_resend_mails_a_new_link_and_voids_the_old(self):
        u = new_user()
        old = next_mail(u.email, VERIFY).token("verify")
        r = api("POST", "/api/auth/email/resend", token=u.token)
        self.assertEqual(r.status, 202, r)
        self.assertEqual(r.json, {"success": True, "message": "Verification email sent"})
        new = next_mail(u.email, VERIFY, 1).token("verify")
        self.assertNotEqual(old, new)
        self.assertError(verify_email(old), 400, "invalid_verification_token")
        self.assertOk(verify_email(new))

        r = api("POST", "/api/auth/email/resend", token=u.token)
        self.assertError(r, 409, "already_verified")

    def test_resend_needs_a_token(self):
        self.assertError(api("POST", "/api/auth/email/resend"), 401, "missing_token")
        self.assertError(api("POST", "/api/auth/email/resend", token="x"), 401, "invalid_session")
        u = new_user()
        self.assertError(api("POST", "/api/auth/email/resend", raw="[1]", token=u.token), 400,
                         "invalid_json")
