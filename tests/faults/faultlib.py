"""Shared by the fault-injection suite: its stack (3 handlers, 2 workers), its HTTP client (any
127.x source address, failures as status 0), a mixed load that records every request, and probes
of the stack's processes (/proc)."""
import collections
import os
import platform
import random
import signal
import threading
import time

from tests.kit import suite_stack
from tests.kit.api import new_user
from tests.kit.figures import figures, summary  # noqa: F401 (the tests use F.figures, F.summary)
from tests.kit.http import Client
from tests.kit.processes import child_pids

HANDLERS = 3
SOAK_SECONDS = 60.0   # run.py --soak sets it
WORKERS = 2
# The x86_64 system call a FastCGI handler waits in between requests: epoll_pwait, in
# src/http/connection_gate. Not poll: right after accept() libfcgi polls the new connection, and
# libpq polls its socket, both with a request in hand.
EPOLL_PWAIT, POLL, READ = 281, 7, 0
IDLE_SYSCALLS = {EPOLL_PWAIT}


def run_name():
    """The run dir's name: MODFORGE_TEST_RUN if it says faults…, else faults(-that)."""
    name = suite_stack.run_name() or ""
    return name if name.startswith("faults") else "faults" + ("-" + name if name else "")


def make_faults_stack():
    return suite_stack.make_stack(run_name(), handlers=HANDLERS, workers=WORKERS)


# Here too, not only in run.py: a test module also runs alone (python3 -m unittest tests.faults.x).
suite_stack.configure(make_faults_stack)
stack = suite_stack.stack

# Every load request comes from a chosen 127.x address (127.0.0.1 unless a test says otherwise)
# and gets a Reply: one that got no answer is status 0 with the error as its text.
CLIENT = Client(lambda: stack().port, "modforge-faults/1.0", source="127.0.0.1", timeout=20,
                errors_as_replies=True)
request = CLIENT.request


# ---- processes ---------------------------------------------------------------------------
def handler_pids(s=None):
    """The FastCGI handler processes: the children of the stack's multiwatch."""
    return (s or stack()).handler_pids()


def worker_pids(s=None):
    return (s or stack()).worker_pids()


def current_syscall(pid):
    """The number of the system call pid is in, or None if it is running (or gone)."""
    try:
        with open("/proc/%d/syscall" % pid) as f:
            first = f.read().split()[0]
    except (OSError, IndexError):
        return None
    return int(first) if first.lstrip("-").isdigit() else None


def describe_wait(pid):
    """What pid waits in, for a failure's message: its system call, wait channel and threads."""
    def read(path):
        try:
            with open(path) as f:
                return f.read().strip()
        except OSError as e:
            return "(%s)" % e.strerror
    threads = sorted(os.listdir("/proc/%d/task" % pid)) if os.path.isdir("/proc/%d" % pid) else []
    # Signals pending, blocked and caught, and the process's state and time alive.
    status = [line.replace("\t", " ") for line in read("/proc/%d/status" % pid).splitlines()
              if line.split(":")[0] in ("State", "SigPnd", "ShdPnd", "SigBlk", "SigCgt",
                                        "voluntary_ctxt_switches")]
    return "%d: syscall %s, wchan %s, threads %s; %s" % (
        pid, read("/proc/%d/syscall" % pid).split(" ")[0], read("/proc/%d/wchan" % pid),
        ", ".join("%s in %s" % (t, read("/proc/%d/task/%s/syscall" % (pid, t)).split(" ")[0])
                  for t in threads), ", ".join(status))


def is_idle(pid):
    """True if the handler waits for a connection (no request in hand)."""
    assert platform.machine() == "x86_64", "IDLE_SYSCALLS are x86_64 system call numbers"
    return current_syscall(pid) in IDLE_SYSCALLS


def unix_sockets(pid):
    """{inode: (path, listening)} of the unix sockets in pid's network namespace. A connection
    accepted on a listening socket carries the listener's path; a client's has none."""
    sockets = {}
    with open("/proc/%d/net/unix" % pid) as f:
        next(f)
        for line in f:
            fields = line.split()
            # Flags 00010000 is __SO_ACCEPTCON: a listening socket.
            sockets[fields[6]] = (fields[7] if len(fields) > 7 else "",
                                  int(fields[3], 16) & 0x10000 != 0)
    return sockets


def open_files(pid):
    """What pid's descriptors point at, as a Counter of descriptions: a file's path, "pipe",
    "unix socket" (a client's, such as libpq's), "unix socket listening on PATH", "connection
    accepted on PATH" (on the FastCGI socket: a request in hand), "socket" (any other)."""
    sockets = unix_sockets(pid)
    files = collections.Counter()
    fd_dir = "/proc/%d/fd" % pid
    for fd in os.listdir(fd_dir):
        try:
            target = os.readlink(os.path.join(fd_dir, fd))
        except FileNotFoundError:       # closed meanwhile
            continue
        kind, _, inode = target.partition(":[")
        if kind == "socket" and inode.rstrip("]") in sockets:
            path, listening = sockets[inode.rstrip("]")]
            if listening:
                target = "unix socket listening on " + path
            elif path:
                target = "connection accepted on " + path
            else:
                target = "unix socket"
        elif kind in ("socket", "pipe"):
            target = kind
        files[target] += 1
    return files


def resting_files(pid, idle=None, looks=20, idle_looks=5, tries=200):
    """pid's open files (open_files) while it has no work in hand; call it when no request or
    job is under way. The look with the fewest of several: a worker's files come and go. With
    `idle` (a handler), only looks while it is stopped waiting for a connection count: right
    after a request it may still be closing that request's connection."""
    found = []
    for _ in range(tries):
        if idle is None:
            found.append(open_files(pid))
        else:
            os.kill(pid, signal.SIGSTOP)
            try:
                if idle(pid):
                    found.append(open_files(pid))
            finally:
                os.kill(pid, signal.SIGCONT)
        if len(found) >= (looks if idle is None else idle_looks):
            return min(found, key=lambda files: sum(files.values()))
        time.sleep(0.01)
    raise AssertionError("process %d was idle in only %d of %d looks" % (pid, len(found), tries))


def postgres_pids(s=None):
    """The postmaster and its children."""
    pm = (s or stack()).postmaster_pid()
    return ({pm} | child_pids(pm)) if pm else set()


def upstream_errors(s):
    """nginx's count of requests whose handler went away with it in hand (closed, reset, or a
    broken pipe while nginx sent it the request): its [error] lines that name the upstream."""
    try:
        with open(s.log("nginx-error.log"), errors="replace") as f:
            return sum("[error]" in line and ', upstream: "fastcgi://' in line for line in f)
    except OSError:
        return 0


# ---- the load ----------------------------------------------------------------------------
class Record:
    __slots__ = ("op", "start", "end", "status", "json", "code", "detail")

    def __init__(self, op, start, end, reply):
        self.op, self.start, self.end, self.status = op, start, end, reply.status
        self.json = isinstance(reply.json, dict)
        self.code = reply.json.get("code") if self.json else None
        self.detail = reply.text[:200]

    @property
    def ok(self):
        return 200 <= self.status < 300

    def __repr__(self):
        return "<%s %d %s at %.2f+%.2fs>" % (self.op, self.status, self.code or self.detail,
                                             self.start, self.end - self.start)


class Load:
    """Steady mixed load: `threads` clients, each its own user, looping over verify, sessions
    list, status of one of its jobs and (at most every `generate_every` s) generate-mod. Every
    request is recorded (monotonic start and end times, status, JSON code). May be started
    again after a stop (the records go on)."""

    OPS = ("verify", "sessions", "status", "generate")

    def __init__(self, threads=4, generate_every=2.0, pause=0.0):
        self.users = [new_user("load") for _ in range(threads)]
        self.generate_every = generate_every
        self.pause = pause
        self.records = []
        self.jobs = []          # (user, job_id) of every 202
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._threads = []

    def _one(self, user, op, my_jobs):
        if op == "verify":
            return request("GET", "/api/auth/verify", token=user.token)
        if op == "sessions":
            return request("GET", "/api/sessions", token=user.token)
        if op == "status":
            return request("GET", "/api/status/" + random.choice(my_jobs), token=user.token)
        return request("POST", "/api/generate-mod", {"prompt": "a load-test axe of embers"},
                       token=user.token)

    def _client(self, user):
        my_jobs = []
        last_generate = -1e9
        i = 0
        while not self._stop.is_set():
            op = self.OPS[i % len(self.OPS)]
            i += 1
            if op == "status" and not my_jobs:
                continue
            if op == "generate":
                if time.monotonic() - last_generate < self.generate_every:
                    continue
                last_generate = time.monotonic()
            t0 = time.monotonic()
            reply = self._one(user, op, my_jobs)
            rec = Record(op, t0, time.monotonic(), reply)
            with self._lock:
                self.records.append(rec)
                if op == "generate" and reply.status == 202:
                    my_jobs.append(reply.json["job_id"])
                    self.jobs.append((user, reply.json["job_id"]))
            if self.pause:
                time.sleep(self.pause)

    def start(self):
        self._stop.clear()
        self._threads = []
        for u in self.users:
            t = threading.Thread(target=self._client, args=(u,), daemon=True)
            t.start()
            self._threads.append(t)
        return self

    def stop(self):
        self._stop.set()
        for t in self._threads:
            t.join(60)

    def between(self, t0=None, t1=None):
        """Records of requests that started in [t0, t1)."""
        with self._lock:
            return [r for r in self.records
                    if (t0 is None or r.start >= t0) and (t1 is None or r.start < t1)]

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()


def psql_session():
    """A long-lived psql on the stack's modforge database (a query costs a millisecond)."""
    return stack().database.session()
