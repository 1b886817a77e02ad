"""e2e: with every handler gone nginx still answers in JSON (502), and the API comes back."""
import time

from helpers import ApiTestCase, api, new_user, stack, wait_until


class HandlersDownTest(ApiTestCase):

    def tearDown(self):
        if "handlers" not in stack()._procs:
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
