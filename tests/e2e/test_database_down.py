"""e2e: PostgreSQL goes away and comes back: quick 503s meanwhile, then recovery, no restarts."""
import re
import time

from tests.e2e.api_test_case import ApiTestCase
from tests.kit.api import api, login_reply, new_user
from tests.kit.suite_stack import stack
from tests.kit.waits import wait_until

ANSWER_WITHIN = 5.0        # seconds for a 503 while the database is down (no hang)
RECOVER_WITHIN = 3.0       # seconds after PostgreSQL is back until the same token works


def handler_pids():
    return stack().handler_pids()


class DatabaseDownTest(ApiTestCase):

    def tearDown(self):
        if not stack().pg_running():
            stack().pg_start()

    def check_outage(self, mode):
        u = new_user()
        handlers = handler_pids()
        self.assertEqual(len(handlers), stack().handlers)
        stack().pg_stop(mode)
        try:
            # Several requests, so that every handler process meets the outage.
            for i in range(3 * stack().handlers):
                t0 = time.monotonic()
                r = api("GET", "/api/auth/verify", token=u.token, timeout=ANSWER_WITHIN + 5)
                self.assertLess(time.monotonic() - t0, ANSWER_WITHIN, "answered too slowly")
                self.assertError(r, 503, "database_unavailable")
                if i == 0:
                    self.assertIdInAllLogs(r.headers["X-Request-Id"])
            r = api("GET", "/api/health")
            self.assertEqual((r.status, r.json), (503, {
                "success": False, "status": "unavailable", "database": "unreachable",
                "code": "service_unavailable"}))
            r = login_reply(u.username, u.password)
            self.assertError(r, 503, "database_unavailable")
            r = api("POST", "/api/auth/register", {"username": "x" + u.username[1:],
                                                   "email": "x" + u.email,
                                                   "password": "long enough"})
            self.assertError(r, 503, "database_unavailable")
        finally:
            stack().pg_start()
        t0 = time.monotonic()
        ok = wait_until(lambda: api("GET", "/api/auth/verify", token=u.token).status == 200,
                        RECOVER_WITHIN + 10, 0.1)
        took = time.monotonic() - t0
        self.assertTrue(ok, "the token never worked again")
        self.assertLess(took, RECOVER_WITHIN, "recovery took %.1fs" % took)
        # Every handler reconnected, and none was restarted to get there.
        for _ in range(5 * stack().handlers):
            self.assertValidToken(u.token, u.session_id)
        self.assertEqual(handler_pids(), handlers, "handler processes were restarted")
        self.assertEqual(u.login()[1], u.session_id)
        self.assertEqual(api("GET", "/api/health").status, 200)

    def assertIdInAllLogs(self, request_id):
        """The first request after the database went away makes its handler log an error: the
        request's id is in that line (with the journal's priority word), and in nginx's access
        log line for it."""
        def found(log, pattern):
            with open(stack().log(log), errors="replace") as f:
                return any(re.search(pattern, line) for line in f)
        self.assertTrue(wait_until(lambda: found(
            "fcgi.log", r"modforge-fcgi\[\d+\] error: request %s: database unreachable"
            % request_id), 5), "no handler line names request %s" % request_id)
        self.assertTrue(wait_until(lambda: found(
            "nginx-access.log", r'"GET /api/auth/verify HTTP/1.1" 503 .* id=%s ' % request_id),
            5), "no access log line names request %s" % request_id)

    def test_fast_shutdown(self):
        self.check_outage("fast")

    def test_immediate_shutdown(self):
        self.check_outage("immediate")
