"""e2e: with every handler gone nginx still answers in JSON (502), and the API comes back."""
import time

from tests.e2e.api_test_case import ApiTestCase
from tests.kit.api import api, new_user
from tests.kit.suite_stack import stack
from tests.kit.waits import wait_until


class HandlersDownTest(ApiTestCase):

    def tearDown(self):
        if not stack().has_role("handlers"):
            stack().handlers_start()

    def test_bad_gateway_is_json_and_the_api_recovers(self):
        u = new_user()
        stack().handlers_stop()
        try:
            for method, path in (("GET", "/api/auth/verify"), ("POST", "/api/auth/login"),
                                 ("GET", "/downloads/x.zip")):
                with self.subTest(method=method, path=path):
                    t0 = time.monotonic()
                    r = api(method, path, token=u.token)
                    self.assertLess(time.monotonic() - t0, 5.0, "nginx hung")
                    self.assertError(r, 502, "service_unavailable")
        finally:
            stack().handlers_start()
        self.assertTrue(wait_until(lambda: api("GET", "/api/auth/verify",
                                               token=u.token).status == 200, 10, 0.1),
                        "the API did not come back")
        self.assertValidToken(u.token, u.session_id)
