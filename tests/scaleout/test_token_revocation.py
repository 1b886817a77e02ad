"""A token logged out through one app host is refused at once by the other: the handlers keep no
cache of tokens, every check asks the database (the primary)."""
import unittest

from tests.kit import suite_stack
from tests.kit.api import unique
from tests.kit.figures import figures
from tests.kit.http import Client
from tests.scaleout.balancer import APP_PORT
from tests.scaleout.cluster import address
from tests.scaleout.load import USER_AGENT

ROUNDS = 20


def direct(app):
    """A client of one app host, bypassing the balancer; its answers are checked against the
    API description like every other test's."""
    return Client(APP_PORT, USER_AGENT, host=address(app), timeout=10)


class TokenRevocationTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        suite_stack.stack()

    def test_logout_on_one_app_host_is_seen_by_the_other_at_once(self):
        app1, app2 = direct("app1"), direct("app2")
        username, password = unique("rv"), "pw-" + unique()
        r = app1.request("POST", "/api/auth/register", {
            "username": username, "email": username + "@example.com", "password": password})
        self.assertEqual(r.status, 201, r)
        for i in range(ROUNDS):
            # Alternate which host logs out: both directions are covered.
            here, there = (app1, app2) if i % 2 == 0 else (app2, app1)
            r = here.request("POST", "/api/auth/login",
                             {"username": username, "password": password})
            self.assertEqual(r.status, 200, r)
            token = r.json["session"]["token"]
            self.assertEqual(there.request("GET", "/api/auth/verify", token=token).status, 200)
            self.assertEqual(here.request("POST", "/api/auth/logout", token=token).status, 200)
            # The very next request, on the other host: no delay, no retry.
            r = there.request("GET", "/api/auth/verify", token=token)
            self.assertEqual((r.status, r.json.get("code")), (401, "invalid_session"), r)
        figures("%d logouts, each refused by the other app host on the next request" % ROUNDS)


if __name__ == "__main__":
    unittest.main()
