"""Shared by the fault-injection suite: its stack, a mixed load that records every request, and
probes of the stack's processes (/proc). Builds on tests/e2e/helpers.py and scripts/modforge_stack.py."""
import http.client
import json
import os
import platform
import random
import signal
import socket
import subprocess
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
import sys  # noqa: E402
sys.path.insert(0, os.path.join(os.path.dirname(HERE), "e2e"))
import helpers  # noqa: E402,F401
from helpers import REPO, TEST_ENV, Stack, free_port, new_user  # noqa: E402
from modforge_stack import child_pids  # noqa: E402

HANDLERS = 3
SOAK_SECONDS = 60.0   # run.py --soak sets it
WORKERS = 2
# The x86_64 system calls a FastCGI handler waits in between requests: libfcgi's accept()
# (accept/accept4), maybe behind its lock (fcntl F_SETLKW). Not select/poll: right after accept()
# libfcgi select()s on the new connection, and libpq polls its socket, both with a request in hand.
IDLE_SYSCALLS = {43, 288, 72}

_stack = None
_stack_error = None


def run_name():
    """The run dir's name: MODFORGE_TEST_RUN if it says faults…, else faults(-that)."""
    name = os.environ.get("MODFORGE_TEST_RUN", "")
    return name if name.startswith("faults") else "faults" + ("-" + name if name else "")


def stack():
    """The suite's stack (3 handlers, 2 workers), started on first use; api() talks to it."""
    global _stack, _stack_error
    if _stack_error is not None:
        raise RuntimeError("the stack did not start: %s" % _stack_error)
    if _stack is None:
        s = Stack(REPO, free_port(), handlers=HANDLERS, extra_env=TEST_ENV, name=run_name(),
                  workers=WORKERS, bin_dir=os.environ.get("MODFORGE_BIN_DIR") or None,
                  auth_rate="10000r/s")
        try:
            s.start()
        except Exception as e:      # not retried by every test
            _stack_error = e
            raise
        _stack = s
        helpers.use_stack(s)
    return _stack


def stop_stack():
    if _stack is not None:
        _stack.stop()


# ---- processes ---------------------------------------------------------------------------
def handler_pids(s=None):
    """The FastCGI handler processes: the children of the stack's multiwatch."""
    return (s or stack()).handler_pids()


def worker_pids(s=None):
    s = s or stack()
    return {role: p.pid for role, p in s._procs.items()
            if role.startswith("worker") and p.poll() is None}


def current_syscall(pid):
    """The number of the system call pid is in, or None if it is running (or gone)."""
    try:
        with open("/proc/%d/syscall" % pid) as f:
            first = f.read().split()[0]
    except (OSError, IndexError):
        return None
    return int(first) if first.lstrip("-").isdigit() else None


def is_idle(pid):
    """True if the handler waits for a connection (no request in hand)."""
    assert platform.machine() == "x86_64", "IDLE_SYSCALLS are x86_64 system call numbers"
    return current_syscall(pid) in IDLE_SYSCALLS


def rss_kib(pid):
    with open("/proc/%d/status" % pid) as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def open_fds(pid):
    return len(os.listdir("/proc/%d/fd" % pid))


def steady_fds(pid, idle=None, looks=20, idle_looks=5, tries=200):
    """pid's open descriptors without the ones of work in hand: the least of several looks (a
    worker's files come and go). With `idle` (a handler), only looks while it is stopped between
    requests count, and several of them: a handler stopped just as accept() returned shows
    accept() as its system call but already holds the new connection."""
    counts = []
    for _ in range(tries):
        if idle is None:
            counts.append(open_fds(pid))
        else:
            os.kill(pid, signal.SIGSTOP)
            try:
                if idle(pid):
                    counts.append(open_fds(pid))
            finally:
                os.kill(pid, signal.SIGCONT)
        if len(counts) >= (looks if idle is None else idle_looks):
            return min(counts)
        time.sleep(0.01)
    raise AssertionError("process %d was idle in only %d of %d looks" % (pid, len(counts), tries))


def postgres_pids(s=None):
    """The postmaster and its children."""
    s = s or stack()
    pm = s._postmaster_pid(s.rundir)
    return ({pm} | child_pids(pm)) if pm else set()


def upstream_errors(s):
    """nginx's count of requests whose handler went away with it in hand (closed, reset, or a
    broken pipe while nginx sent it the request): its [error] lines that name the upstream."""
    try:
        with open(s.log("nginx-error.log"), errors="replace") as f:
            return sum("[error]" in line and ', upstream: "fastcgi://' in line for line in f)
    except OSError:
        return 0


# ---- HTTP --------------------------------------------------------------------------------
# Linux's IP_BIND_ADDRESS_NO_PORT (not named by Python's socket module before 3.12).
IP_BIND_ADDRESS_NO_PORT = getattr(socket, "IP_BIND_ADDRESS_NO_PORT", 24)


class SourceConnection(http.client.HTTPConnection):
    """An HTTP connection from a chosen 127.x address whose local port is picked at connect()
    rather than at bind(). Bound with port 0, every connection would take a port of its own
    for good, and the ones a test closed stay in TIME_WAIT for a minute: a suite that makes
    tens of thousands of short connections ran out of them ("Address already in use")."""

    def __init__(self, source, *args, **kw):
        super().__init__(*args, **kw)
        self.source = source

    def connect(self):
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        try:
            sock.setsockopt(socket.IPPROTO_IP, IP_BIND_ADDRESS_NO_PORT, 1)
            sock.settimeout(self.timeout)
            sock.bind((self.source, 0))
            sock.connect((self.host, self.port))
        except OSError:
            sock.close()
            raise
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.sock = sock


def request(method, path, body=None, token=None, timeout=20, source="127.0.0.1"):
    """One request from `source` (any 127.x address): (status, parsed JSON or None, text).
    A connection error is status 0 with the exception's text."""
    h = {"User-Agent": "modforge-faults/1.0"}
    data = None
    if body is not None:
        data = json.dumps(body).encode()
        h["Content-Type"] = "application/json"
    if token:
        h["Authorization"] = "Bearer " + token
    conn = SourceConnection(source, "127.0.0.1", stack().port, timeout=timeout)
    try:
        conn.request(method, path, body=data, headers=h)
        resp = conn.getresponse()
        text = resp.read().decode("utf-8", "replace")
        parsed = None
        if (resp.getheader("Content-Type") or "").startswith("application/json"):
            try:
                parsed = json.loads(text)
            except ValueError:
                pass
        return resp.status, parsed, text
    except (OSError, http.client.HTTPException) as e:
        return 0, None, "%s: %s" % (type(e).__name__, e)
    finally:
        conn.close()


class Record:
    __slots__ = ("op", "start", "end", "status", "json", "code", "detail")

    def __init__(self, op, start, end, status, body, text):
        self.op, self.start, self.end, self.status = op, start, end, status
        self.json = isinstance(body, dict)
        self.code = body.get("code") if self.json else None
        self.detail = text[:200]

    @property
    def ok(self):
        return 200 <= self.status < 300

    def __repr__(self):
        return "<%s %d %s at %.2f+%.2fs>" % (self.op, self.status, self.code or self.detail,
                                             self.start, self.end - self.start)


class Load:
    """Steady mixed load: `threads` clients, each its own user, looping over verify, sessions
    list, status of one of its jobs and (at most every `generate_every` s) generate-mod. Every
    request is recorded (monotonic start and end times, status, JSON code)."""

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
            status, body, text = self._one(user, op, my_jobs)
            rec = Record(op, t0, time.monotonic(), status, body, text)
            with self._lock:
                self.records.append(rec)
                if op == "generate" and status == 202:
                    my_jobs.append(body["job_id"])
                    self.jobs.append((user, body["job_id"]))
            if self.pause:
                time.sleep(self.pause)

    def start(self):
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


def summary(records):
    """'N requests: 200×a, 502×b …' for printing."""
    counts = {}
    for r in records:
        counts[r.status] = counts.get(r.status, 0) + 1
    return "%d requests (%s)" % (len(records), ", ".join(
        "%s×%d" % (k, v) for k, v in sorted(counts.items())))


def figures(text):
    """A test's measured figures, printed under its line."""
    print("     " + text, flush=True)


class PsqlSession:
    """One long-lived psql reading queries on stdin: a query costs a millisecond, not a fork."""

    def __init__(self, s=None):
        s = s or stack()
        self.p = subprocess.Popen(
            ["psql", "-h", s.pg_socket_dir, "-p", "5432", "-U", "modforge", "-d", "modforge",
             "-X", "-At", "-q"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
            bufsize=1)

    def query(self, sql):
        """One row of one column (the query must return exactly one row)."""
        self.p.stdin.write(sql.rstrip(";") + ";\n")
        self.p.stdin.flush()
        return self.p.stdout.readline().rstrip("\n")

    def close(self):
        self.p.stdin.close()
        self.p.wait(10)
