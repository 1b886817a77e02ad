"""The scenarios' load, sent through the load balancer: a few clients, each its own user, looping
over registrations, logins, verifies, session changes (new, rename) and jobs, at a modest,
bounded rate. Every request is recorded (start, end, status, code), and every write that was
acknowledged is remembered, so that a test can look for each one in the database afterwards."""
import threading
import time
import uuid

from tests.kit.api import sha256_hex
from tests.kit.http import Client

USER_AGENT = "modforge-scaleout/1.0"
# One round of a client; generate runs at most every GENERATE_EVERY seconds per client.
ROUND = ("verify", "login", "verify", "new_session", "rename", "generate", "verify", "register")
GENERATE_EVERY = 1.5
# What a client's request may take before it counts as unanswered (the balancer gives up on an
# app host sooner).
REQUEST_TIMEOUT = 20


def _name():
    return "s" + uuid.uuid4().hex[:10]


class Record:
    """One request: what (op), when (monotonic start and end), and the answer."""
    __slots__ = ("op", "start", "end", "status", "code", "detail")

    def __init__(self, op, start, end, reply):
        self.op, self.start, self.end, self.status = op, start, end, reply.status
        self.code = reply.json.get("code") if isinstance(reply.json, dict) else None
        self.detail = reply.text[:160]

    @property
    def ok(self):
        return 200 <= self.status < 300

    @property
    def writes(self):
        return self.op not in ("verify",)

    def __repr__(self):
        return "<%s %d %s at %.2f+%.2fs>" % (self.op, self.status, self.code or self.detail,
                                             self.start, self.end - self.start)


class Acknowledged:
    """The writes the service acknowledged (answered 2xx): each must be in the database."""

    def __init__(self):
        self.users = []          # usernames (201 to register)
        self.tokens = []         # tokens (200 to login, 201 to sessions/new)
        self.sessions = {}       # session id -> the names it may have: the last acknowledged one
        #                          and those of later renames that got no answer (they may have
        #                          committed)
        self.jobs = []           # public job ids (202 to generate-mod)

    def count(self):
        return len(self.users) + len(self.tokens) + len(self.sessions) + len(self.jobs)


class _User:
    def __init__(self, username, password):
        self.username, self.password = username, password
        self.token = None
        self.sessions = []


class Load:
    """`clients` threads of requests through base_client (a tests.kit.http.Client that does not
    raise: errors_as_replies). Use as a context manager, or start() and stop()."""

    def __init__(self, client, clients=3, pause=0.05):
        self.client = client
        self.clients = clients
        self.pause = pause
        self.records = []
        self.acked = Acknowledged()
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._threads = []

    def _send(self, op, method, path, body=None, token=None):
        t0 = time.monotonic()
        reply = self.client.request(method, path, body, token=token)
        with self._lock:
            self.records.append(Record(op, t0, time.monotonic(), reply))
        return reply

    def _register(self):
        u = _User("l" + uuid.uuid4().hex[:12], "pw-" + uuid.uuid4().hex[:16])
        r = self._send("register", "POST", "/api/auth/register", {
            "username": u.username, "email": u.username + "@example.com",
            "password": u.password})
        if r.status == 201:
            with self._lock:
                self.acked.users.append(u.username)
            return u
        return None

    def _login(self, u):
        r = self._send("login", "POST", "/api/auth/login",
                       {"username": u.username, "password": u.password})
        if r.status == 200:
            u.token = r.json["session"]["token"]
            u.sessions.append(r.json["session"]["id"])
            with self._lock:
                self.acked.tokens.append(u.token)
                self.acked.sessions.setdefault(r.json["session"]["id"], [None])

    def _new_session(self, u):
        name = _name()
        r = self._send("new_session", "POST", "/api/sessions/new", {"name": name}, u.token)
        if r.status == 201:
            u.sessions.append(r.json["session"]["id"])
            with self._lock:
                self.acked.tokens.append(r.json["session"]["token"])
                self.acked.sessions[r.json["session"]["id"]] = [name]

    def _rename(self, u):
        if not u.sessions:
            return
        sid, name = u.sessions[-1], _name()
        r = self._send("rename", "PATCH", "/api/sessions/%d" % sid, {"name": name}, u.token)
        with self._lock:
            names = self.acked.sessions.setdefault(sid, [None])
            if r.ok:
                names[:] = [name]
            elif r.status == 0 or r.status >= 500:    # may have committed before it failed
                names.append(name)

    def _generate(self, u):
        r = self._send("generate", "POST", "/api/generate-mod",
                       {"prompt": "a scale-out pickaxe of embers"}, u.token)
        if r.status == 202:
            with self._lock:
                self.acked.jobs.append(r.json["job_id"])

    def _client(self):
        u = None
        while u is None and not self._stop.is_set():
            u = self._register()
        last_generate = -1e9
        i = 0
        while not self._stop.is_set():
            op = ROUND[i % len(ROUND)]
            i += 1
            if u.token is None and op != "register":
                op = "login"
            if op == "verify":
                self._send("verify", "GET", "/api/auth/verify", token=u.token)
            elif op == "login":
                self._login(u)
            elif op == "new_session":
                self._new_session(u)
            elif op == "rename":
                self._rename(u)
            elif op == "generate":
                if time.monotonic() - last_generate < GENERATE_EVERY:
                    continue
                last_generate = time.monotonic()
                self._generate(u)
            elif op == "register":
                self._register()
            time.sleep(self.pause)

    def start(self):
        self._stop.clear()
        self._threads = [threading.Thread(target=self._client, daemon=True)
                         for _ in range(self.clients)]
        for t in self._threads:
            t.start()
        return self

    def stop(self):
        self._stop.set()
        for t in self._threads:
            t.join(REQUEST_TIMEOUT + 10)

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()

    def between(self, t0=None, t1=None):
        """Records of the requests that started in [t0, t1)."""
        with self._lock:
            return [r for r in self.records
                    if (t0 is None or r.start >= t0) and (t1 is None or r.start < t1)]

    def in_flight(self, t0, t1):
        """Records of the requests under way at some moment of [t0, t1]."""
        with self._lock:
            return [r for r in self.records if r.start <= t1 and r.end >= t0]


def balancer_client(address, port, timeout=REQUEST_TIMEOUT):
    """A client of the load balancer that records failures instead of raising; answers are not
    checked against the API description (a balancer's own 502 is not in it)."""
    return Client(port, USER_AGENT, host=address, timeout=timeout, errors_as_replies=True,
                  response_checks=[])


def _in_list(values):
    return ",".join("'%s'" % v.replace("'", "''") for v in values)


def lost_writes(acked, psql):
    """The acknowledged writes that the database (psql: a tests.kit.psql.Psql on it) does not
    have: a list of "kind: value" lines (empty when nothing was lost)."""
    lost = []

    def present(sql_template, values):
        found = set()
        if not values:
            return found
        for i in range(0, len(values), 500):
            batch = values[i:i + 500]
            out = psql.query(sql_template % _in_list(batch))
            found.update(line for line in out.splitlines() if line)
        return found

    users = present("SELECT username FROM users WHERE username IN (%s)", acked.users)
    lost += ["user: " + u for u in acked.users if u not in users]
    hashes = {sha256_hex(t): t for t in acked.tokens}
    tokens = present("SELECT token_hash FROM session_tokens WHERE token_hash IN (%s)",
                     list(hashes))
    lost += ["token of session: " + t[:8] + "…" for h, t in hashes.items() if h not in tokens]
    jobs = present("SELECT job_id FROM jobs WHERE job_id IN (%s)", acked.jobs)
    lost += ["job: " + j for j in acked.jobs if j not in jobs]
    ids = [str(i) for i in acked.sessions]
    rows = present("SELECT id || '|' || coalesce(name, '') FROM sessions WHERE id IN (%s)", ids)
    have = dict(row.split("|", 1) for row in rows)
    for sid, names in acked.sessions.items():
        if str(sid) not in have:
            lost.append("session: %d" % sid)
        elif (have[str(sid)] or None) not in names:
            lost.append("session %d: name %r, acknowledged %r" % (sid, have[str(sid)], names))
    return lost
