"""Scenario 2: under load, PostgreSQL is restarted (fast, then immediate shutdown). While it is
down every request gets a JSON 503 quickly (no hang, no 500, no handler exit); within 2 s after
it is back every request succeeds again, from the same handler processes."""
import time
import unittest

from tests.faults import faultlib as F
from tests.kit.api import wait_for_job

DOWN_FOR = 3.0            # seconds PostgreSQL stays down
ANSWER_WITHIN = 5.0       # a request during the outage is answered within this (generous)
RECOVER_WITHIN = 2.0      # the bound: every request started later than this succeeds


class DatabaseRestartTest(unittest.TestCase):

    def tearDown(self):
        if not F.stack().pg_running():
            F.stack().pg_start()

    def restart_under_load(self, mode):
        s = F.stack()
        handlers = F.handler_pids()
        workers = F.worker_pids()
        with F.Load(threads=4, generate_every=1.0) as load:
            time.sleep(1.5)
            t_stop = time.monotonic()
            s.pg_stop(mode)
            t_down = time.monotonic()
            time.sleep(DOWN_FOR)
            t_start = time.monotonic()
            s.pg_start()
            t_up = time.monotonic()
            time.sleep(RECOVER_WITHIN + 5.0)
        outage = load.between(t_down, t_start)
        around = load.between(t_stop, t_up + RECOVER_WITHIN)
        later = load.between(t_up + RECOVER_WITHIN)
        recovered = [r for r in load.between(t_up) if r.ok]
        first_ok = min(r.end for r in recovered) - t_up if recovered else float("nan")
        bad_after = sum(not r.ok for r in load.between(t_up))
        slowest = max((r.end - r.start for r in outage), default=0.0)
        F.figures("%s: stop took %.2fs, down %.1fs, start took %.2fs; while down %s, slowest "
                  "answer %.3fs; first success %.2fs after it was back, %d failures after "
                  "that; from %.0fs on %s" % (
                      mode, t_down - t_stop, t_start - t_down, t_up - t_start, F.summary(outage),
                      slowest, first_ok, bad_after, RECOVER_WITHIN, F.summary(later)))
        self.assertGreater(len(outage), 20, "too little load during the outage to show anything")
        for r in outage:
            self.assertEqual((r.status, r.json, r.code), (503, True, "database_unavailable"), r)
            self.assertLess(r.end - r.start, ANSWER_WITHIN, r)
        for r in around:       # while it stops and starts: served, or a JSON 503
            self.assertTrue(r.ok or (r.status, r.json, r.code) ==
                            (503, True, "database_unavailable"), r)
        self.assertGreater(len(later), 20)
        self.assertEqual([r for r in later if not r.ok], [],
                         "failures more than %.0fs after PostgreSQL was back" % RECOVER_WITHIN)
        # Every handler serves (several requests per handler), and none was restarted.
        for _ in range(5 * s.handlers):
            r = F.request("GET", "/api/auth/verify", token=load.users[0].token)
            self.assertEqual(r.status, 200, r)
        self.assertEqual(F.handler_pids(), handlers, "handler processes were restarted")
        self.assertEqual(F.worker_pids(), workers, "a worker exited")
        # The jobs accepted around the outage all finish.
        for user, job_id in load.jobs:
            j = wait_for_job(user, job_id, timeout=60)
            self.assertEqual(j["status"], "completed", j)

    def test_fast_shutdown(self):
        self.restart_under_load("fast")

    def test_immediate_shutdown(self):
        self.restart_under_load("immediate")


if __name__ == "__main__":
    unittest.main()
