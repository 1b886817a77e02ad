"""Scenario: `systemctl reload modforge-fcgi` under load. The unit's ExecReload sends multiwatch
SIGUSR2, which it passes on to every handler; each finishes the request in hand and exits 0, and
multiwatch starts a new one (here the stack's spawn-fcgi + multiwatch, run as the unit runs
them, gets the same signal). Three reloads: every handler is replaced each time, and no request
fails."""
import os
import signal
import time
import unittest

from tests.faults import faultlib as F
from tests.kit.waits import wait_until

RELOADS = 3
REPLACED_WITHIN = 5.0     # seconds until every handler is a new process
# multiwatch counts a child that dies within -t (1000 ms) of its start towards giving its slot
# up (-r 10): reloads are spread further apart than that, as an operator's would be.
BETWEEN = 1.5
# An idle handler leaves accept() this often (at most 250 ms apart) to look for a stop signal
# that arrived just before it entered accept() and so interrupted nothing.
IDLE_WAKES_PER_SECOND = 2


def voluntary_switches(pid):
    """How often pid has given the CPU up to wait (each return from a blocking accept() is one)."""
    with open("/proc/%d/status" % pid) as f:
        for line in f:
            if line.startswith("voluntary_ctxt_switches:"):
                return int(line.split()[1])
    raise AssertionError("no voluntary_ctxt_switches in /proc/%d/status" % pid)


class ReloadTest(unittest.TestCase):

    def test_reload_under_load(self):
        s = F.stack()
        multiwatch = s.pid("handlers")
        took = []
        with F.Load(threads=4, generate_every=1.0) as load:
            time.sleep(1.0)
            t0 = time.monotonic()
            for _ in range(RELOADS):
                old = F.handler_pids()
                self.assertEqual(len(old), F.HANDLERS)
                t = time.monotonic()
                os.kill(multiwatch, signal.SIGUSR2)
                replaced = wait_until(lambda: len(F.handler_pids()) == F.HANDLERS and
                                      not F.handler_pids() & old, REPLACED_WITHIN, 0.01)
                took.append(time.monotonic() - t)
                self.assertTrue(replaced, "handlers still there: %s" % "; ".join(
                    F.describe_wait(pid) for pid in sorted(F.handler_pids() & old)))
                time.sleep(BETWEEN)
            t1 = time.monotonic()
            time.sleep(1.0)
        during = load.between(t0, t1)
        every = load.between()
        slowest = max(r.end - r.start for r in every)
        F.figures("%d reloads: every handler replaced within %s s; %s while reloading, %s in "
                  "all, slowest answer %.3fs, multiwatch still pid %d" % (
                      RELOADS, "/".join("%.2f" % t for t in took), F.summary(during),
                      F.summary(every), slowest, multiwatch))
        self.assertGreater(len(during), 50)
        self.assertEqual([r for r in every if not r.ok], [])
        self.assertEqual(s.exited(), None, "a process of the stack exited")
        self.assertTrue(os.path.exists("/proc/%d" % multiwatch))

    def test_idle_handler_looks_for_a_stop_signal(self):
        # A signal that lands between the handler's last look and its accept() interrupts no
        # system call: the timing cannot be forced from here, so what is checked is that an idle
        # handler, with nothing to wake it, leaves accept() on its own and looks again.
        F.stack()
        pids = sorted(F.handler_pids())
        time.sleep(0.5)                       # the requests of earlier tests are over
        before = {pid: voluntary_switches(pid) for pid in pids}
        time.sleep(1.0)
        woke = {pid: voluntary_switches(pid) - before[pid] for pid in pids}
        self.assertEqual(sorted(F.handler_pids()), pids)
        for pid in pids:
            self.assertGreaterEqual(woke[pid], IDLE_WAKES_PER_SECOND, "handler %d woke %d times "
                                    "in 1 s: %s" % (pid, woke[pid], F.describe_wait(pid)))

    def test_idle_handler_survives_stop_and_continue(self):
        # With a receive timeout on the socket, Linux fails accept() with EINTR after SIGSTOP and
        # SIGCONT (signal(7)); that is no stop signal, and the handler must accept again.
        F.stack()
        pids = sorted(F.handler_pids())
        for pid in pids:
            os.kill(pid, signal.SIGSTOP)
            time.sleep(0.3)
            os.kill(pid, signal.SIGCONT)
        time.sleep(0.5)
        self.assertEqual(sorted(F.handler_pids()), pids)


if __name__ == "__main__":
    unittest.main()
