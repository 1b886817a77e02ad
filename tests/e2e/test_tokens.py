"""e2e: GET/DELETE /api/auth/tokens, POST /api/auth/logout-all, last_used_at coalescing."""
import time

from tests.e2e.api_test_case import ApiTestCase, INT, NULLABLE_STR, TS, parse_ts
from tests.kit.api import USER_AGENT, api, new_user, sha256_hex
from tests.kit.suite_stack import LAST_USED_INTERVAL, psql

TOKEN_ITEM = {"id": INT, "session_id": INT, "created_at": TS, "last_used_at": TS,
              "user_agent": NULLABLE_STR, "ip_address": NULLABLE_STR, "current": bool}


def tokens(u, token=None):
    r = api("GET", "/api/auth/tokens", token=token or u.token)
    assert r.status == 200, r
    return r.json["tokens"]


def token_id(token):
    return int(psql("SELECT id FROM session_tokens WHERE token_hash = '%s'" % sha256_hex(token)))


class ListTokensTest(ApiTestCase):

    def test_shape(self):
        u = new_user()
        second, _ = u.login()
        third, third_sid = u.login(new_session=True)
        r = api("GET", "/api/auth/tokens", token=u.token)
        body = self.assertOk(r)
        self.assertShape(body, {"success": bool, "tokens": list})
        items = body["tokens"]
        self.assertEqual(len(items), 3)
        for i, t in enumerate(items):
            self.assertShape(t, TOKEN_ITEM, "tokens[%d]" % i)
            self.assertEqual(t["user_agent"], USER_AGENT)
            self.assertEqual(t["ip_address"], "127.0.0.1")
        self.assertEqual(sorted(t["id"] for t in items),
                         sorted(token_id(x) for x in (u.token, second, third)))
        self.assertEqual([t["id"] for t in items if t["current"]], [token_id(u.token)])
        self.assertEqual({t["session_id"] for t in items}, {u.session_id, third_sid})
        for t in (u.token, second, third):
            self.assertNotIn(t, r.text)
            self.assertNotIn(sha256_hex(t), r.text)

    def test_pages_most_recently_used_first(self):
        u = new_user()
        for _ in range(4):
            u.login()
        # Five tokens, each used a second after the one before, in the order they were made;
        # the caller's own is used again by the listing itself, and so comes first.
        mine = token_id(u.token)
        others = sorted(t["id"] for t in tokens(u) if t["id"] != mine)
        for i, tid in enumerate([mine] + others):
            psql("UPDATE session_tokens SET last_used_at = now() - interval '%d seconds' "
                 "WHERE id = %d" % (100 - i, tid))
        full = [t["id"] for t in tokens(u)]
        self.assertEqual(full, [mine] + others[::-1])

        def page(query):
            r = api("GET", "/api/auth/tokens?" + query, token=u.token)
            return [t["id"] for t in self.assertOk(r)["tokens"]]

        self.assertEqual(page("limit=2"), full[:2])
        self.assertEqual(page("limit=2&offset=2"), full[2:4])
        self.assertEqual(page("offset=4"), full[4:])
        self.assertEqual(page("offset=5"), [])
        self.assertEqual(page("limit=100"), full)

    def test_only_ones_own_tokens(self):
        u, other = new_user(), new_user()
        ids = {t["id"] for t in tokens(u)}
        self.assertEqual(ids, {token_id(u.token)})
        self.assertNotIn(token_id(other.token), ids)


class RevokeTokenTest(ApiTestCase):

    def test_revoke_another_device(self):
        u = new_user()
        device, _ = u.login()
        tid = token_id(device)
        r = api("DELETE", "/api/auth/tokens/%d" % tid, token=u.token)
        body = self.assertOk(r)
        self.assertShape(body, {"success": bool, "message": str})
        self.assertEqual(body["message"], "Token revoked")
        self.assertInvalidToken(device)
        self.assertValidToken(u.token, u.session_id)
        self.assertNotIn(tid, [t["id"] for t in tokens(u)])
        self.assertError(api("DELETE", "/api/auth/tokens/%d" % tid, token=u.token), 404,
                         "not_found", "Token not found")

    def test_unknown_ids(self):
        u = new_user()
        for tid in ("99999999", "abc", "-1", "0", "1.0", "99999999999999999999999"):
            with self.subTest(id=tid):
                r = api("DELETE", "/api/auth/tokens/" + tid, token=u.token)
                self.assertError(r, 404, "not_found")
        self.assertValidToken(u.token)


class LogoutAllTest(ApiTestCase):

    def test_revokes_every_other_token(self):
        u = new_user()
        others = [u.login()[0], u.login(new_session=True)[0], u.login(new_session=True)[0]]
        bystander = new_user()
        r = api("POST", "/api/auth/logout-all", {"password": u.password}, token=u.token)
        body = self.assertOk(r)
        self.assertShape(body, {"success": bool, "revoked": INT})
        self.assertEqual(body["revoked"], 3)
        for t in others:
            self.assertInvalidToken(t)
        self.assertValidToken(u.token, u.session_id)
        self.assertValidToken(bystander.token)
        self.assertEqual([t["id"] for t in tokens(u)], [token_id(u.token)])
        # Sessions stay; only tokens go.
        self.assertEqual(psql("SELECT count(*) FROM sessions WHERE user_id = %d" % u.id), "3")
        again = api("POST", "/api/auth/logout-all", {"password": u.password}, token=u.token)
        self.assertEqual(self.assertOk(again)["revoked"], 0)

    def test_needs_the_password(self):
        u = new_user()
        other, _ = u.login()
        self.assertError(api("POST", "/api/auth/logout-all", {"password": "wrong password"},
                             token=u.token), 403, "invalid_password",
                         "Current password is incorrect")
        self.assertError(api("POST", "/api/auth/logout-all", {}, token=u.token), 400,
                         "validation_error", field="password")
        self.assertError(api("POST", "/api/auth/logout-all", {"password": 123}, token=u.token),
                         400, "validation_error", field="password")
        self.assertValidToken(other)


class LastUsedTest(ApiTestCase):

    def db_last_used(self, token):
        row = psql("SELECT extract(epoch FROM t.last_used_at), extract(epoch FROM s.last_used_at)"
                   " FROM session_tokens t JOIN sessions s ON s.id = t.session_id"
                   " WHERE t.token_hash = '%s'" % sha256_hex(token))
        tok, ses = row.split("|")
        return float(tok), float(ses)

    def test_writes_are_coalesced(self):
        u = new_user()
        t0 = time.time()
        first = self.db_last_used(u.token)
        for _ in range(3):
            self.assertValidToken(u.token)
        self.assertLess(time.time() - t0, LAST_USED_INTERVAL, "the test machine is too slow")
        self.assertEqual(self.db_last_used(u.token), first, "written within the interval")
        listed = [t for t in tokens(u) if t["current"]][0]
        self.assertAlmostEqual(parse_ts(listed["last_used_at"]), first[0], delta=1.0)

        time.sleep(LAST_USED_INTERVAL + 0.5)
        before = time.time()
        self.assertValidToken(u.token)
        later = self.db_last_used(u.token)
        self.assertGreater(later[0], first[0] + LAST_USED_INTERVAL, "token last_used_at")
        self.assertGreater(later[1], first[1] + LAST_USED_INTERVAL, "session last_used_at")
        self.assertAlmostEqual(later[0], before, delta=2.0)
        self.assertValidToken(u.token)
        self.assertEqual(self.db_last_used(u.token), later)
        listed = [t for t in tokens(u) if t["current"]][0]
        self.assertAlmostEqual(parse_ts(listed["last_used_at"]), later[0], delta=1.0)


class ClientAddressTest(ApiTestCase):

    def test_forwarded_for_is_ignored_without_trusted_proxies(self):
        # This stack trusts no proxy: whatever a client claims, the address is nginx's
        # REMOTE_ADDR. (test_throttle.py tests the trusted case.)
        u = new_user()
        r = api("POST", "/api/auth/login", {"username": u.username, "password": u.password},
                headers={"X-Forwarded-For": "203.0.113.5", "X-Real-IP": "203.0.113.6"})
        token = self.assertOk(r)["session"]["token"]
        mine = [t for t in tokens(u, token) if t["current"]]
        self.assertEqual(mine[0]["ip_address"], "127.0.0.1")
        events = self.assertOk(api("GET", "/api/auth/events", token=token))["events"]
        self.assertEqual(events[0]["ip_address"], "127.0.0.1")
