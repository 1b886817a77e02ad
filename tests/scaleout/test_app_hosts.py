"""An app host dies (SIGKILL to its nginx and every handler), and later the other one is cut off
the network (its link down), each under load through the balancer: only requests that were in
flight at that moment may fail, the balancer stops sending to the host within seconds (then one
try per fail_timeout), and the host takes requests again soon after it is back."""
import math
import signal
import time
import unittest

from tests.kit import suite_stack
from tests.kit.figures import figures, summary
from tests.kit.waits import wait_until
from tests.scaleout.balancer import FAIL_TIMEOUT, READ_TIMEOUT, app_refuses
from tests.scaleout.cluster import address
from tests.scaleout.load import Load

WARM_UP = 2.0         # seconds of load before the fault
OUTAGE = 8.0          # seconds the host stays dead or cut off
# Seconds of load watched once the host is back; its share of the load is taken over the last
# SHARE_WINDOW of them, after a request that was stuck on it through the outage has timed out
# (READ_TIMEOUT after the fault) and the balancer has tried it again (FAIL_TIMEOUT later).
SHARE_WINDOW = 3.0
AFTER = READ_TIMEOUT + FAIL_TIMEOUT - OUTAGE + SHARE_WINDOW
# The host is back in the balancer within fail_timeout after it serves again, plus a margin.
REJOIN_WITHIN = FAIL_TIMEOUT + 3.0
# The balancer knows within this many seconds that the host is out (its connect timeout is 1 s).
KNOWN_WITHIN = 2.0


class AppHostsTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.cluster = suite_stack.stack()

    def outage(self, name, fault, repair):
        """Runs the load, applies fault() to host `name` for OUTAGE seconds, then repair();
        checks what the balancer and the clients saw, and prints the figures."""
        c, lb, host = self.cluster, self.cluster.balancer, address(name)
        with Load(c.client(), clients=3) as load:
            time.sleep(WARM_UP)
            t_fault, w_fault = time.monotonic(), time.time()
            fault()
            t_faulted = time.monotonic()
            time.sleep(OUTAGE)
            w_repair = time.time()
            repair()
            back = wait_until(lambda: c.app_serves(name), 30, 0.1)
            t_back, w_back = time.monotonic(), time.time()
            self.assertTrue(back, "%s does not serve again after its repair" % name)
            rejoined = wait_until(lambda: next(
                (t.end for t in lb.tries(w_back) if t.tried[-1:] == [host] and t.status < 500),
                None), REJOIN_WITHIN, 0.1)
            time.sleep(AFTER)
            w_end = time.time()

        in_flight = load.in_flight(t_fault, t_faulted)
        during = load.between(t_fault, t_back)
        bad = [r for r in load.between(t_fault - 30) if not r.ok]
        # The tries on the host that failed: another host answered instead, or (a request in
        # flight there, not retried) the balancer answered an error.
        given_up = [t for t in lb.tries(w_fault) if t.start < w_repair and host in t.tried and
                    not (t.tried[-1] == host and t.status < 500)]
        known = min((t.end for t in given_up), default=None)
        probes = [t for t in given_up if known is not None and t.start > known]
        last = [t for t in lb.tries(w_end - SHARE_WINDOW) if t.tried]
        share = sum(t.tried[-1] == host for t in last) / max(1, len(last))
        figures("%s: %d requests in flight while the fault struck, %d failed (%s); while it was "
                "out %s, slowest %.2fs; the balancer knew after %s, then tried it %d times in "
                "%.0fs; back in the balancer %s after it served again; %.0f%% of the requests "
                "of the last %.0fs went to it" % (
                    name, len(in_flight), len(bad), summary(bad), summary(during),
                    max((r.end - r.start for r in during), default=0.0),
                    "%.2fs" % (known - w_fault) if known else "never", len(probes), OUTAGE,
                    "%.2fs" % (rejoined - w_back) if rejoined else "never", 100 * share,
                    SHARE_WINDOW))

        self.assertGreater(len(during), 20, "too little load during the outage")
        for r in bad:        # only what was in flight when the fault struck may fail
            self.assertLessEqual(r.start, t_faulted, r)
        self.assertLessEqual(len(bad), len(in_flight))
        self.assertIsNotNone(known, "the balancer never tried %s while it was out" % name)
        self.assertLess(known - w_fault, KNOWN_WITHIN)
        # Passive checks: then one live request tries the host again each fail_timeout.
        self.assertLessEqual(len(probes), math.ceil(OUTAGE / FAIL_TIMEOUT), probes)
        self.assertTrue(rejoined, "%s got no request within %.0fs of serving again" % (
            name, REJOIN_WITHIN))
        self.assertGreater(share, 0.2, "%s takes too little of the load after its return" % name)

    def test_app_host_killed(self):
        app = self.cluster.apps["app1"]

        def restart():
            app.kill_roles()      # reaps what the SIGKILL left
            app.start_roles()
        def kill():
            app.signal_roles(signal.SIGKILL)
            # The fault is complete once nothing listens any more (SIGKILL is not instant).
            self.assertTrue(wait_until(lambda: app_refuses(address("app1")), 5, 0.01))
        self.outage("app1", kill, restart)

    def test_app_host_partitioned(self):
        self.outage("app2", lambda: self.cluster.partition("app2"),
                    lambda: self.cluster.heal("app2"))


if __name__ == "__main__":
    unittest.main()
