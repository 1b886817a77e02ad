"""e2e: another user's sessions and tokens are invisible (404) and untouchable."""
from tests.e2e.api_test_case import ApiTestCase
from tests.kit.api import api, new_user, sha256_hex
from tests.kit.suite_stack import psql

MISSING = 99999999


class OwnershipTest(ApiTestCase):

    def setUp(self):
        self.a, self.b = new_user("a"), new_user("b")
        self.assertOk(api("PATCH", "/api/sessions/%d" % self.a.session_id, {"name": "private"},
                          token=self.a.token))

    def snapshot(self):
        return (psql("SELECT id, name, created_at FROM sessions WHERE user_id = %d ORDER BY id"
                     % self.a.id),
                psql("SELECT id, session_id, token_hash FROM session_tokens WHERE user_id = %d "
                     "ORDER BY id" % self.a.id))

    def test_sessions_of_another_user_are_not_found(self):
        before = self.snapshot()
        for method, suffix, body in (("GET", "", None), ("PATCH", "", {"name": "pwned"}),
                                     ("DELETE", "", None), ("POST", "/resume", None)):
            with self.subTest(method=method, suffix=suffix):
                r = api(method, "/api/sessions/%d%s" % (self.a.session_id, suffix), body,
                        token=self.b.token)
                self.assertError(r, 404, "not_found", "Session not found")
                # Exactly what a session that does not exist at all gets.
                missing = api(method, "/api/sessions/%d%s" % (MISSING, suffix), body,
                              token=self.b.token)
                self.assertEqual((r.status, r.text), (missing.status, missing.text))
        self.assertEqual(self.snapshot(), before)
        shown = self.assertOk(api("GET", "/api/sessions/%d" % self.a.session_id,
                                  token=self.a.token))
        self.assertEqual(shown["session"]["name"], "private")
        self.assertValidToken(self.a.token, self.a.session_id)
        # B's own view is only B's.
        listed = self.assertOk(api("GET", "/api/sessions", token=self.b.token))["sessions"]
        self.assertEqual([s["id"] for s in listed], [self.b.session_id])
        current = self.assertOk(api("GET", "/api/sessions/current/jobs", token=self.b.token))
        self.assertEqual(current["session"]["id"], self.b.session_id)

    def test_tokens_of_another_user_cannot_be_revoked(self):
        tid = int(psql("SELECT id FROM session_tokens WHERE token_hash = '%s'"
                       % sha256_hex(self.a.token)))
        before = self.snapshot()
        r = api("DELETE", "/api/auth/tokens/%d" % tid, token=self.b.token)
        self.assertError(r, 404, "not_found", "Token not found")
        missing = api("DELETE", "/api/auth/tokens/%d" % MISSING, token=self.b.token)
        self.assertEqual((r.status, r.text), (missing.status, missing.text))
        self.assertEqual(self.snapshot(), before)
        self.assertValidToken(self.a.token, self.a.session_id)

    def test_logout_all_and_password_change_stay_within_the_account(self):
        self.assertOk(api("POST", "/api/auth/logout-all", {"password": self.b.password},
                          token=self.b.token))
        self.assertOk(api("PATCH", "/api/auth/me", {"password": "b's new password",
                                                    "current_password": self.b.password},
                          token=self.b.token))
        self.assertOk(api("DELETE", "/api/sessions/%d" % self.b.session_id, token=self.b.token))
        self.assertValidToken(self.a.token, self.a.session_id)

    def test_deleting_an_account_leaves_others_alone(self):
        before = self.snapshot()
        self.assertOk(api("DELETE", "/api/auth/me", {"password": self.b.password},
                          token=self.b.token))
        self.assertEqual(self.snapshot(), before)
        self.assertValidToken(self.a.token, self.a.session_id)
