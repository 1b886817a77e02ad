"""One long-running program of the test network (etcd, a Patroni node) started on a host, its
output in a log, stopped by its pid: gently first, then with SIGKILL for whatever of its
process tree is left."""
import os
import signal
import subprocess

from tests.kit.processes import alive
from tests.kit.waits import wait_until
from tests.scaleout.leftovers import descendants


class Daemon:
    def __init__(self, host, argv, log_path, user=None, env=None, cwd=None, on_start=None):
        self.host, self.argv, self.log_path = host, list(argv), log_path
        self.user, self.env, self.cwd = user, env, cwd
        self._on_start = on_start     # called with the pid (the run's pid file records it)
        self.proc = None

    @property
    def pid(self):
        return self.proc.pid if self.proc else None

    def start(self):
        argv, kw = self.host.command(self.argv, self.user)
        with open(self.log_path, "ab") as log:
            self.proc = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=log,
                                         stderr=subprocess.STDOUT, start_new_session=True,
                                         env=self.env, cwd=self.cwd, **kw)
        if self._on_start:
            self._on_start(self.proc.pid)
        return self

    def running(self):
        return self.proc is not None and self.proc.poll() is None

    def kill(self, extra_pids=()):
        """SIGKILL to the program and every process it started (and extra_pids, such as a
        postmaster that Patroni started in a session of its own); waits until they are gone."""
        if self.proc is None:
            return
        pids = {self.proc.pid} | descendants(self.proc.pid) | set(extra_pids)
        for pid in pids:
            for p in {pid} | descendants(pid):
                try:
                    os.kill(p, signal.SIGKILL)
                except (ProcessLookupError, PermissionError):
                    pass
        self.proc.wait(10)
        wait_until(lambda: not any(alive(p) for p in pids), 10)

    def stop(self, sig=signal.SIGTERM, timeout=20, extra_pids=()):
        """sig, then SIGKILL for what is left after timeout seconds."""
        if self.proc is None:
            return
        if self.proc.poll() is None:
            try:
                self.proc.send_signal(sig)
                self.proc.wait(timeout)
            except (ProcessLookupError, subprocess.TimeoutExpired):
                pass
        self.kill(extra_pids)
