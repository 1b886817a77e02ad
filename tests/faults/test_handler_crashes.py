"""Scenario 1: under steady load, SIGKILL a random handler every second for 30 s. multiwatch
brings each back; only requests that were in the killed processes fail (as JSON 502), and the
load after the last kill sees no error at all."""
import os
import random
import signal
import time
import unittest

from tests.faults import faultlib as F
from tests.kit.waits import wait_until

KILL_FOR = 30.0           # seconds of kills (the figure)
RESPAWN_WITHIN = 5.0      # seconds until multiwatch has every handler back
AFTER = 5.0               # seconds of load watched after the last kill


class HandlerCrashTest(unittest.TestCase):

    def test_sigkill_a_random_handler_every_second(self):
        s = F.stack()
        upstream_errors0 = F.upstream_errors(s)
        kills = []        # (time, pid, busy)
        with F.Load(threads=4) as load:
            time.sleep(1.0)
            t_first = time.monotonic()
            while time.monotonic() - t_first < KILL_FOR:
                pids = sorted(F.handler_pids())
                if pids:
                    pid = random.choice(pids)
                    # Stopped first, so that whether it has a request in hand cannot change
                    # between the look and the kill.
                    os.kill(pid, signal.SIGSTOP)
                    busy = not F.is_idle(pid)
                    os.kill(pid, signal.SIGKILL)
                    kills.append((time.monotonic(), pid, busy))
                time.sleep(max(0.0, t_first + len(kills) - time.monotonic()))
            t_last = kills[-1][0]
            back = wait_until(lambda: len(F.handler_pids()) == s.handlers, RESPAWN_WITHIN, 0.02)
            t_back = time.monotonic()
            time.sleep(AFTER)
        during = load.between(None, t_last)
        after = load.between(t_last)
        failed = [r for r in during if not r.ok]
        busy_kills = sum(b for _, _, b in kills)
        upstream_errors = F.upstream_errors(s) - upstream_errors0
        F.figures("%d kills in %.0fs (%d with a request in hand); handlers back %.2fs after the "
                  "last kill; until the last kill %s, %d failed; after it %s"
                  % (len(kills), t_last - t_first, busy_kills, t_back - t_last,
                     F.summary(during), len(failed), F.summary(after)))
        F.figures("nginx logged %d upstream errors (closed or reset mid-request); failures: %s"
                  % (upstream_errors, failed[:6]))
        self.assertGreaterEqual(len(kills), int(KILL_FOR) - 1)
        self.assertTrue(back, "multiwatch did not bring every handler back: %d of %d alive"
                        % (len(F.handler_pids()), s.handlers))
        self.assertLessEqual(len(failed), busy_kills,
                             "more failed requests than requests in the killed handlers")
        self.assertEqual(len(failed), upstream_errors,
                         "a failure that nginx did not see as a handler lost mid-request")
        for r in failed:
            self.assertEqual((r.status, r.json, r.code), (502, True, "service_unavailable"), r)
        self.assertEqual([r for r in after if not r.ok], [], "errors after the last kill")
        self.assertGreater(len(after), 0)


if __name__ == "__main__":
    unittest.main()
