"""e2e: GET /api/auth/events — the account's security log, one event per security action."""
from tests.e2e.api_test_case import ApiTestCase, NULLABLE_STR, TS, parse_ts
from tests.kit.api import USER_AGENT, api, login_reply, new_user, unique

EVENT = {"time": TS, "kind": str, "ip_address": NULLABLE_STR, "user_agent": NULLABLE_STR}


class EventsTest(ApiTestCase):

    def events(self, u, query="", token=None):
        body = self.assertOk(api("GET", "/api/auth/events" + query, token=token or u.token))
        self.assertShape(body, {"success": bool, "events": list})
        for i, e in enumerate(body["events"]):
            self.assertShape(e, EVENT, "events[%d]" % i)
        return body["events"]

    def kinds(self, u):
        return [e["kind"] for e in self.events(u)]

    def test_register_and_login(self):
        u = new_user()
        events = self.events(u)
        self.assertEqual([e["kind"] for e in events], ["login", "register"])
        for e in events:
            self.assertEqual(e["ip_address"], "127.0.0.1")
            self.assertEqual(e["user_agent"], USER_AGENT)
        times = [parse_ts(e["time"]) for e in events]
        self.assertEqual(times, sorted(times, reverse=True), "newest first")

    def test_each_security_action_is_logged(self):
        u = new_user()
        device, _ = u.login()
        self.assertEqual(self.kinds(u)[0], "login")

        self.assertEqual(login_reply(u.username, "wrong password").status, 401)
        self.assertEqual(self.kinds(u)[0], "login_failed")

        tid = [t["id"] for t in api("GET", "/api/auth/tokens", token=u.token).json["tokens"]
               if not t["current"]][0]
        self.assertOk(api("DELETE", "/api/auth/tokens/%d" % tid, token=u.token))
        self.assertEqual(self.kinds(u)[0], "token_revoked")

        self.assertOk(api("POST", "/api/auth/logout-all", {"password": u.password},
                          token=u.token))
        self.assertEqual(self.kinds(u)[0], "logout_all")

        new_name = unique("ev")
        self.assertOk(api("PATCH", "/api/auth/me", {"username": new_name,
                                                   "current_password": u.password},
                          token=u.token))
        self.assertEqual(self.kinds(u)[0], "username_changed")

        self.assertOk(api("PATCH", "/api/auth/me", {"email": new_name + "@example.net",
                                                   "current_password": u.password},
                          token=u.token))
        self.assertEqual(self.kinds(u)[0], "email_changed")

        self.assertOk(api("PATCH", "/api/auth/me", {"password": "another password",
                                                   "current_password": u.password},
                          token=u.token))
        self.assertEqual(self.kinds(u)[0], "password_changed")

        spare = login_reply(new_name, "another password").json["session"]["token"]
        self.assertOk(api("POST", "/api/auth/logout", token=u.token))
        kinds = [e["kind"] for e in self.events(u, token=spare)]
        self.assertEqual(kinds[:2], ["logout", "login"])
        for kind in ("register", "login", "login_failed", "token_revoked", "logout_all",
                     "username_changed", "email_changed", "password_changed", "logout"):
            self.assertIn(kind, kinds)

    def test_failed_login_by_email_is_logged_too(self):
        u = new_user()
        self.assertEqual(api("POST", "/api/auth/login", {"email": u.email, "password": "nope!!!!"})
                         .status, 401)
        self.assertEqual(self.kinds(u)[0], "login_failed")

    def test_every_wrong_current_password_is_logged(self):
        u = new_user()
        wrong = "not the password"
        for method, path, body in (("PATCH", "/api/auth/me", {"email": unique() + "@example.com",
                                                              "current_password": wrong}),
                                   ("PATCH", "/api/auth/me", {"username": unique(),
                                                              "current_password": wrong}),
                                   ("DELETE", "/api/auth/me", {"password": wrong}),
                                   ("POST", "/api/auth/logout-all", {"password": wrong})):
            with self.subTest(method=method, path=path):
                self.assertError(api(method, path, body, token=u.token), 403,
                                 "invalid_password")
                self.assertEqual(self.kinds(u)[0], "password_check_failed")
        self.assertEqual(self.kinds(u).count("password_check_failed"), 4)
        # A right one writes nothing of the kind.
        self.assertOk(api("POST", "/api/auth/logout-all", {"password": u.password},
                          token=u.token))
        self.assertEqual(self.kinds(u)[:2], ["logout_all", "password_check_failed"])

    def test_limit(self):
        u = new_user()
        for _ in range(3):
            u.login()
        self.assertEqual(len(self.events(u)), 5)
        self.assertEqual(len(self.events(u, "?limit=2")), 2)
        self.assertEqual(self.events(u, "?limit=1")[0]["kind"], "login")
        self.assertEqual(len(self.events(u, "?limit=100")), 5)
        for query in ("?limit=0", "?limit=101", "?limit=-3", "?limit=many", "?limit="):
            with self.subTest(query=query):
                self.assertError(api("GET", "/api/auth/events" + query, token=u.token), 400,
                                 "validation_error")

    def test_only_ones_own_events(self):
        u, other = new_user(), new_user()
        self.assertEqual(login_reply(other.username, "wrong password").status, 401)
        self.assertEqual(self.kinds(u), ["login", "register"])
