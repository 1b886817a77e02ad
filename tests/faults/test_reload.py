"""Scenario: `systemctl reload modforge-fcgi` under load. The unit's ExecReload sends multiwatch
SIGUSR2, which it passes on to every handler; each finishes the request in hand and exits 0, and
multiwatch starts a new one (here the stack's spawn-fcgi + multiwatch, run as the unit runs
them, gets the same signal). Three reloads: every handler is replaced each time, and no request
fails. And a reload that lands while a handler has just accepted a connection, or is reading a
request that arrives in parts: the request is answered, and that handler exits too (libfcgi,
interrupted there, closed the connection unanswered and spun for ever on the closed descriptor,
or answered the request cut short)."""
import os
import signal
import time
import unittest

from tests.faults import faultlib as F
from tests.kit import fastcgi
from tests.kit.http import recv_all
from tests.kit.waits import wait_until

RELOADS = 3
REPLACED_WITHIN = 5.0     # seconds until every handler is a new process
# multiwatch counts a child that dies within -t (1000 ms) of its start towards giving its slot
# up (-r 10): reloads are spread further apart than that, as an operator's would be.
BETWEEN = 1.5


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
                self.assert_replaced(old)
                took.append(time.monotonic() - t)
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

    def assert_replaced(self, old):
        """Every handler in `old` gives way to a new one within REPLACED_WITHIN."""
        replaced = wait_until(lambda: len(F.handler_pids()) == F.HANDLERS and
                              not F.handler_pids() & old, REPLACED_WITHIN, 0.01)
        self.assertTrue(replaced, "handlers still there: %s" % "; ".join(
            F.describe_wait(pid) for pid in sorted(F.handler_pids() & old)))

    def assert_reload_with_a_request_in_hand(self, sent_before, in_syscall):
        """Connects to the handlers' socket, sends `sent_before` of a request, waits until a
        handler waits in `in_syscall` on that connection, reloads, and sends the rest: the
        request is answered 200, every old handler is replaced, and the stack is whole."""
        s = F.stack()
        request = fastcgi.request_bytes({"REQUEST_METHOD": "GET", "REQUEST_URI": "/api/health",
                                         "QUERY_STRING": "", "REMOTE_ADDR": "127.0.0.1"})
        self.assertLess(sent_before, len(request))
        old = F.handler_pids()
        with fastcgi.connect(s.fcgi_socket) as c:
            c.sendall(request[:sent_before])
            # libfcgi gives a connection 2 s to send its first bytes (then drops it): the
            # reload comes well before.
            self.assertTrue(wait_until(lambda: any(F.current_syscall(p) == in_syscall
                                                   for p in old), 1.0, 0.005),
                            "no handler took the connection: %s" % "; ".join(
                                F.describe_wait(p) for p in sorted(old)))
            os.kill(s.pid("handlers"), signal.SIGUSR2)
            time.sleep(0.3)
            c.sendall(request[sent_before:])
            status, text = fastcgi.answer(recv_all(c))
        self.assertEqual(status, 200, text)
        self.assert_replaced(old)
        self.assertEqual(s.exited(), None, "a process of the stack exited")

    def test_reload_right_after_a_connection_is_accepted(self):
        # Nothing sent yet: the handler polls the new connection (libfcgi's check that a unix
        # socket's peer will write), where the signal made it close the connection and spin.
        self.assert_reload_with_a_request_in_hand(0, F.POLL)

    def test_reload_while_a_request_arrives_in_parts(self):
        # The begin record and a few bytes of the parameters: the handler blocks in read().
        self.assert_reload_with_a_request_in_hand(20, F.READ)

    def test_idle_handler_survives_stop_and_continue(self):
        # SIGSTOP and SIGCONT are no stop signal: an idle handler must go on serving, not take
        # the interrupted wait for the end.
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
