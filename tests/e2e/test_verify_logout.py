"""e2e: GET /api/auth/verify and POST /api/auth/logout — token handling and revocation."""
from tests.e2e.api_test_case import ApiTestCase, INT, NULLABLE_STR, TS
from tests.kit.api import api, new_user
from tests.kit.suite_stack import psql

VERIFY_SHAPE = {"success": bool, "valid": bool,
                "user": {"id": INT, "username": str, "email": str, "email_verified": bool},
                "session": {"id": INT, "name": NULLABLE_STR, "created_at": TS, "last_used_at": TS}}


class VerifyTest(ApiTestCase):

    def test_success_shape(self):
        u = new_user()
        r = api("GET", "/api/auth/verify", token=u.token)
        body = self.assertOk(r)
        self.assertShape(body, VERIFY_SHAPE)
        self.assertIs(body["valid"], True)
        self.assertEqual(body["user"], {"id": u.id, "username": u.username, "email": u.email,
                                        "email_verified": False})
        self.assertEqual(body["session"]["id"], u.session_id)
        self.assertNotIn(u.token, r.text)

    def test_x_session_token_header(self):
        u = new_user()
        r = api("GET", "/api/auth/verify", headers={"X-Session-Token": u.token})
        self.assertEqual(self.assertOk(r)["user"]["id"], u.id)

    def test_bearer_scheme_is_case_insensitive(self):
        u = new_user()
        for scheme in ("bearer", "BEARER"):
            with self.subTest(scheme=scheme):
                r = api("GET", "/api/auth/verify", headers={"Authorization": scheme + " " + u.token})
                self.assertOk(r)

    def test_no_token(self):
        r = api("GET", "/api/auth/verify")
        self.assertError(r, 401, "missing_token", "Authentication required")

    def test_unknown_and_malformed_tokens(self):
        u = new_user()
        for token in ("00000000-0000-4000-8000-000000000000", "not-a-token", "x",
                      u.token + "0", u.token[:-1], "' OR '1'='1",
                      "a" * 36, "\u00e9\u00e9"):
            with self.subTest(token=token):
                r = api("GET", "/api/auth/verify",
                        headers={"Authorization": ("Bearer " + token).encode("utf-8")})
                body = self.assertError(r, 401, "invalid_session", "Invalid session")
                self.assertIs(body.get("valid"), False)
        self.assertAlive()

    def test_every_protected_endpoint_wants_a_token(self):
        for method, path in (("GET", "/api/auth/verify"), ("POST", "/api/auth/logout"),
                             ("GET", "/api/auth/me"), ("PATCH", "/api/auth/me"),
                             ("DELETE", "/api/auth/me"), ("POST", "/api/sessions/new"),
                             ("GET", "/api/sessions"), ("GET", "/api/sessions/1"),
                             ("GET", "/api/sessions/current/jobs"),
                             ("POST", "/api/sessions/1/resume"), ("PATCH", "/api/sessions/1"),
                             ("DELETE", "/api/sessions/1"), ("GET", "/api/auth/tokens"),
                             ("DELETE", "/api/auth/tokens/1"), ("POST", "/api/auth/logout-all"),
                             ("GET", "/api/auth/events")):
            with self.subTest(method=method, path=path):
                self.assertError(api(method, path), 401, "missing_token",
                                 "Authentication required")
                r = api(method, path, token="00000000-0000-4000-8000-000000000000")
                self.assertError(r, 401, "invalid_session", "Invalid session")


class LogoutTest(ApiTestCase):

    def test_logout_revokes_this_token_only(self):
        u = new_user()
        other, sid = u.login()          # a second device on the same session
        self.assertEqual(sid, u.session_id)
        r = api("POST", "/api/auth/logout", token=u.token)
        body = self.assertOk(r)
        self.assertShape(body, {"success": bool, "message": str})
        self.assertEqual(body["message"], "Logged out successfully")
        self.assertInvalidToken(u.token)
        # The session stays, and so does the other token bound to it.
        self.assertValidToken(other, u.session_id)
        self.assertEqual(psql("SELECT count(*) FROM sessions WHERE id = %d" % u.session_id), "1")
        # A second logout with the dead token is an ordinary 401.
        self.assertError(api("POST", "/api/auth/logout", token=u.token), 401, "invalid_session")

    def test_logout_with_an_empty_or_json_body(self):
        for kw in ({}, {"body": {}}, {"raw": ""}, {"raw": "{}", "headers": {
                "Content-Type": "application/json; charset=utf-8"}}):
            with self.subTest(**{k: repr(v) for k, v in kw.items()}):
                u = new_user()
                self.assertOk(api("POST", "/api/auth/logout", token=u.token, **kw))
                self.assertInvalidToken(u.token)

    def test_logout_via_x_session_token(self):
        u = new_user()
        self.assertOk(api("POST", "/api/auth/logout", headers={"X-Session-Token": u.token}))
        self.assertInvalidToken(u.token)
