"""Holds a running program still at the entry of one of its functions, the way a paused virtual
machine or a hung NFS mount would hold it, until the test lets it go: gdb attached by pid, a
breakpoint, and the program left stopped there until release(). The program must have its
symbols (modforge's are built with -g)."""
import subprocess
import threading

from tests.kit.waits import wait_until

GDB = "gdb"


class Breakpoint:
    def __init__(self, pid, function):
        self.pid, self.function = pid, function
        self.output = []
        self._gdb = None

    def arm(self, timeout=30):
        """Attaches to the program and lets it run on until it enters the function; returns
        once the breakpoint is in place (an AssertionError if it is not within timeout s)."""
        self._gdb = subprocess.Popen(
            [GDB, "-q", "-nx", "-p", str(self.pid), "-ex", "set pagination off",
             "-ex", "set confirm off", "-ex", "break " + self.function, "-ex", "continue"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        threading.Thread(target=self._read, daemon=True).start()
        armed = wait_until(lambda: "Continuing." in self.output, timeout, 0.05)
        assert armed, "gdb did not set the breakpoint:\n" + "\n".join(self.output[-10:])
        return self

    def _read(self):
        for line in self._gdb.stdout:
            self.output.append(line.rstrip("\n"))

    def wait_hit(self, timeout):
        """True once the program stopped at the function (within timeout seconds)."""
        return bool(wait_until(lambda: any("Breakpoint 1, " in line
                                           for line in self.output), timeout, 0.05))

    def release(self):
        """Lets the program go on from where it stands (gdb detaches and exits)."""
        if self._gdb is None or self._gdb.poll() is not None:
            return
        try:
            self._gdb.stdin.write("detach\nquit\n")
            self._gdb.stdin.close()
            self._gdb.wait(20)
        except (BrokenPipeError, subprocess.TimeoutExpired):
            self._gdb.kill()
            self._gdb.wait(10)
