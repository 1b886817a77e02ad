"""What one run of the multi-host suite made, written down as it is made (its pid file,
scaleout.state in the run dir: the owner's pid, the namespace prefix, every pid started), so
that a run that was SIGKILLed is cleaned up by the next one: its processes stopped by pid (only
those whose command line or environment names its run dir) and its namespaces deleted (only
those with its prefix)."""
import glob
import json
import os
import signal

from tests.kit.processes import alive, child_pids
from tests.kit.stack import saved_pids
from tests.kit.waits import wait_until
from tests.scaleout.topology import Network

STATE_FILE = "scaleout.state"


def _mentions(pid, text):
    """True if pid's command line or environment contains text (it is one of the run's)."""
    found = b""
    for part in ("cmdline", "environ"):
        try:
            with open("/proc/%d/%s" % (pid, part), "rb") as f:
                found += f.read()
        except OSError:
            pass
    return text.encode() in found


def descendants(pid):
    """pid's children, their children, and so on."""
    found, todo = set(), [pid]
    while todo:
        for child in child_pids(todo.pop()) - found:
            found.add(child)
            todo.append(child)
    return found


def kill_tree(pid, rundir, sig=signal.SIGKILL):
    """Sends sig to pid and its descendants if pid belongs to the run in rundir (its command
    line or environment names it: a pid that was reused by now is left alone). Returns the
    pids signalled."""
    targets = {pid} | descendants(pid) if _mentions(pid, rundir) else set()
    for p in targets:
        try:
            os.kill(p, sig)
        except (ProcessLookupError, PermissionError):
            pass
    return targets


class RunState:
    """The pid file of a run in rundir: {"owner", "prefix", "rundir", "pids", "stacks"}: the pids
    it started itself, and the run dirs of its tests.kit.stack.Stack hosts (each keeps its own
    pids in its stack.pids)."""

    def __init__(self, rundir, prefix):
        self.rundir = rundir
        self.prefix = prefix
        self.pids = set()
        self.stacks = set()
        self.path = os.path.join(rundir, STATE_FILE)

    def add(self, *pids):
        self.pids.update(p for p in pids if p)
        self.save()

    def add_stack(self, rundir):
        self.stacks.add(rundir)
        self.save()

    def save(self):
        data = {"owner": os.getpid(), "prefix": self.prefix, "rundir": self.rundir,
                "pids": sorted(self.pids), "stacks": sorted(self.stacks)}
        with open(self.path + "+", "w") as f:
            json.dump(data, f)
        os.replace(self.path + "+", self.path)

    def remove(self):
        try:
            os.unlink(self.path)
        except FileNotFoundError:
            pass


def reap(rundir):
    """Cleans up after a run in rundir whose owner is gone (SIGKILLed): kills what it started
    and deletes its namespaces. Does nothing if there is no pid file or its owner still runs.
    Returns a line saying what it did, or None."""
    try:
        with open(os.path.join(rundir, STATE_FILE)) as f:
            state = json.load(f)
    except (OSError, ValueError):
        return None
    if state.get("owner") != os.getpid() and alive(state.get("owner", 0)):
        raise RuntimeError("another scale-out run (pid %s) uses %s" % (state["owner"], rundir))
    killed = set()
    pids = list(state.get("pids", []))
    for stack_dir in state.get("stacks", []):
        pids += saved_pids(stack_dir).values()
    # Patroni starts PostgreSQL through a process that exits: the postmaster is nobody's child.
    for pid_file in glob.glob(os.path.join(state["rundir"], "*", "pgdata", "postmaster.pid")):
        try:
            with open(pid_file) as f:
                pids.append(int(f.readline()))
        except (OSError, ValueError):
            pass
    for pid in pids:
        killed |= kill_tree(pid, state["rundir"])
    wait_until(lambda: not any(alive(p) for p in killed), 10)
    deleted = Network(state["prefix"]).destroy()
    os.unlink(os.path.join(rundir, STATE_FILE))
    return "cleaned up after an earlier run: %d processes, %d namespaces" % (len(killed),
                                                                            len(deleted))
