"""Scenario: PostgreSQL hangs. Every one of its processes is SIGSTOPped for 15 s under load (no
answer and no reset, like a hung host or a partition; the stack reaches it over the unix socket,
where no TCP timeout could help), then SIGCONTed. No answer may take more than about 3 s (the
2 s round-trip deadline, plus scheduling on a busy machine): during the hang every request is a
JSON 503, fast once each handler's circuit breaker is open; the stack is healthy again within a
few seconds of SIGCONT, no handler or worker restarted, and every job accepted around the hang
completes (the workers gave up and retried)."""
import os
import signal
import time
import unittest

from tests.faults import faultlib as F
from tests.kit.api import wait_for_job
from tests.kit.processes import child_pids

HANG_FOR = 15.0
SLOWEST_ALLOWED = 3.0     # seconds for any one answer, before, during or after the hang
HEALTHY_WITHIN = 5.0      # seconds after SIGCONT until every request succeeds again
SETTLE = 0.2              # a request that started this soon after SIGSTOP may still have got in


def stop_postgres():
    """SIGSTOPs the postmaster first (so that it forks no one meanwhile), then its children."""
    pm = F.stack().postmaster_pid()
    os.kill(pm, signal.SIGSTOP)
    stopped = [pm] + sorted(child_pids(pm))
    for pid in stopped[1:]:
        os.kill(pid, signal.SIGSTOP)
    return stopped


def continue_postgres(pids):
    for pid in reversed(pids):
        try:
            os.kill(pid, signal.SIGCONT)
        except ProcessLookupError:
            pass


class DatabaseHangTest(unittest.TestCase):

    def test_sigstop_under_load(self):
        handlers = F.handler_pids()
        workers = F.worker_pids()
        stopped = []
        with F.Load(threads=4, generate_every=1.0) as load:
            try:
                time.sleep(1.5)
                t_stop = time.monotonic()
                stopped = stop_postgres()
                time.sleep(HANG_FOR)
            finally:
                t_cont = time.monotonic()
                continue_postgres(stopped)
            healthy_after = self.wait_healthy(t_cont)
            time.sleep(HEALTHY_WITHIN + 2.0)
        # Started and answered while PostgreSQL was stopped (one that was still waiting at
        # SIGCONT may rightly have been served).
        hang = [r for r in load.between(t_stop + SETTLE, t_cont) if r.end < t_cont]
        around = load.between(t_stop, t_cont + HEALTHY_WITHIN)
        later = load.between(t_cont + HEALTHY_WITHIN)
        every = load.between()
        slowest = max(every, key=lambda r: r.end - r.start)
        slow_in_hang = sorted(r.end - r.start for r in hang)
        recovered = [r for r in load.between(t_cont) if r.ok]
        first_ok = min(r.end for r in recovered) - t_cont if recovered else float("nan")
        failures = [r for r in every if not r.ok]
        F.figures("%d PostgreSQL processes stopped for %.1fs; during the hang %s, answers in "
                  "%.3fs median, %.3fs slowest; slowest answer of the whole run %.3fs (%s); "
                  "first success %.2fs after SIGCONT, every handler healthy after %.2fs; "
                  "%d failures in all (every one a 503 during the hang); after %.0fs: %s" % (
                      len(stopped), t_cont - t_stop, F.summary(hang),
                      slow_in_hang[len(slow_in_hang) // 2] if hang else 0.0,
                      slow_in_hang[-1] if hang else 0.0, slowest.end - slowest.start, slowest,
                      first_ok, healthy_after, len(failures), HEALTHY_WITHIN, F.summary(later)))
        self.assertGreater(len(hang), 50, "too little load during the hang to show anything")
        self.assertLess(slowest.end - slowest.start, SLOWEST_ALLOWED, slowest)
        for r in hang:
            self.assertEqual((r.status, r.json, r.code), (503, True, "database_unavailable"), r)
        for r in around:
            self.assertTrue(r.ok or (r.status, r.json, r.code) ==
                            (503, True, "database_unavailable"), r)
        self.assertLess(healthy_after, HEALTHY_WITHIN)
        self.assertGreater(len(later), 20)
        self.assertEqual([r for r in later if not r.ok], [])
        self.assertEqual(F.handler_pids(), handlers, "handler processes were restarted")
        self.assertEqual(F.worker_pids(), workers, "a worker exited")
        for user, job_id in load.jobs:
            j = wait_for_job(user, job_id, timeout=60)
            self.assertEqual(j["status"], "completed", j)

    def wait_healthy(self, since):
        """Seconds from `since` until GET /api/health answered 200 twice per handler in a row
        (every handler's breaker closed); asserts it came within HEALTHY_WITHIN + 5 s."""
        in_a_row = 0
        while time.monotonic() - since < HEALTHY_WITHIN + 5:
            r = F.request("GET", "/api/health", timeout=5)
            self.assertLess(time.monotonic() - since, HEALTHY_WITHIN + 5 + SLOWEST_ALLOWED)
            in_a_row = in_a_row + 1 if r.status == 200 else 0
            if in_a_row == 2 * F.HANDLERS:
                return time.monotonic() - since
            time.sleep(0.05)
        self.fail("not healthy %.0fs after SIGCONT" % (HEALTHY_WITHIN + 5))


if __name__ == "__main__":
    unittest.main()
