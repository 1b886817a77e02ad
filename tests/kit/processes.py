"""Processes seen through /proc, and signals sent by pid or process group (never by name)."""
import os


def alive(pid):
    """True while pid exists (also when it belongs to another user)."""
    try:
        os.kill(pid, 0)
        return True
    except ProcessLookupError:
        return False
    except PermissionError:
        return True


def group_alive(pgid):
    """True while any process of the process group pgid exists."""
    try:
        os.killpg(pgid, 0)
        return True
    except ProcessLookupError:
        return False
    except PermissionError:
        return True


def signal_group(pgid, sig):
    """Sends sig to the process group pgid, if it is still there."""
    try:
        os.killpg(pgid, sig)
    except (ProcessLookupError, PermissionError):
        pass


def child_pids(parent):
    """Pids whose parent is `parent` (from /proc)."""
    pids = set()
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            with open("/proc/%s/stat" % pid) as f:
                if int(f.read().rsplit(")", 1)[1].split()[1]) == parent:
                    pids.add(int(pid))
        except (OSError, IndexError, ValueError):
            pass
    return pids


def rss_kib(pid):
    """pid's resident set (VmRSS) in KiB; OSError if pid is gone."""
    with open("/proc/%d/status" % pid) as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0
