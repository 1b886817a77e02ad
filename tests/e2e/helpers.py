"""Shared e2e helpers: the one Stack of a test run, the HTTP client, user factories, assertions."""
import hashlib
import http.client
import json
import os
import re
import sys
import time
import unittest
import uuid

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(REPO, "scripts"))
from modforge_stack import Stack, free_port  # noqa: E402

# Cheap bcrypt and a short last_used_at coalescing window, so tests can observe both.
BCRYPT_COST = 8
LAST_USED_INTERVAL = 2
# A short lease and poll, so that a job whose worker was killed is taken again within seconds.
LEASE_SECONDS = 4
POLL_SECONDS = 1
WORKERS = 2
TEST_ENV = {
    "MODFORGE_SECURITY_BCRYPT_COST": str(BCRYPT_COST),
    "MODFORGE_SECURITY_LAST_USED_INTERVAL": str(LAST_USED_INTERVAL),
    "MODFORGE_JOBS_LEASE_SECONDS": str(LEASE_SECONDS),
    "MODFORGE_JOBS_POLL_SECONDS": str(POLL_SECONDS),
    # The suite logs in wrongly on purpose, all from 127.0.0.1: the brute-force limits are
    # tested on a stack of their own (test_throttle.py).
    "MODFORGE_THROTTLE_ACCOUNT_FAILURES": "1000",
    "MODFORGE_THROTTLE_ADDRESS_FAILURES": "100000",
    "MODFORGE_THROTTLE_REGISTRATIONS_PER_ADDRESS": "100000",
}
USER_AGENT = "modforge-e2e/1.0"

TS_RE = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$")
UUID4_RE = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")
SECRET_KEYS = {"password", "password_hash", "token_hash", "hash", "current_password"}

_stack = None
_stack_error = None
_override = None      # a module's own stack (use_stack), which api() and psql() then talk to


def stack():
    """The stack shared by the whole run, started on first use; a failed start is not retried."""
    global _stack, _stack_error
    if _override is not None:
        return _override
    if _stack_error is not None:
        raise RuntimeError("the stack did not start: %s" % _stack_error)
    if _stack is None:
        # nginx's limit_req is wide open here: the suite is fast and all from 127.0.0.1.
        # MODFORGE_BIN_DIR: test other builds (sanitizers); MODFORGE_TEST_RUN: the run dir's
        # name, so that two suites can run side by side.
        s = Stack(REPO, free_port(), handlers=2, extra_env=TEST_ENV,
                  name=os.environ.get("MODFORGE_TEST_RUN", "e2e"), workers=WORKERS,
                  bin_dir=os.environ.get("MODFORGE_BIN_DIR") or None,
                  auth_rate="10000r/s")
        try:
            s.start()
        except Exception as e:
            _stack_error = e
            raise
        _stack = s
    return _stack


def use_stack(s):
    """Makes api(), psql() and stack() use `s` (None: the shared stack again)."""
    global _override
    _override = s


def stop_stack():
    if _stack is not None:
        _stack.stop()


def psql(sql):
    return stack().psql(sql)


def sha256_hex(text):
    return hashlib.sha256(text.encode()).hexdigest()


class Reply(tuple):
    """(status, headers, json) plus .text, the body as text, and .data, its bytes; json is None
    when the body is not JSON."""

    def __new__(cls, status, headers, body, text, data=b""):
        r = tuple.__new__(cls, (status, headers, body))
        r.text = text
        r.data = data
        return r

    status = property(lambda self: self[0])
    headers = property(lambda self: self[1])
    json = property(lambda self: self[2])

    def __repr__(self):
        return "<HTTP %d %s>" % (self.status, self.text[:300])


def api(method, path, body=None, token=None, headers=None, raw=None, timeout=30):
    """One request to the stack's nginx. body: JSON-encoded; raw: bytes/str sent as they are
    (Content-Type application/json unless headers say otherwise); a header set to None is not
    sent at all."""
    h = {"User-Agent": USER_AGENT}
    data = None
    if body is not None:
        data = json.dumps(body).encode()
        h["Content-Type"] = "application/json"
    if raw is not None:
        data = raw.encode() if isinstance(raw, str) else raw
        h["Content-Type"] = "application/json"
    if token is not None:
        h["Authorization"] = "Bearer " + token
    h.update(headers or {})
    h = {k: v for k, v in h.items() if v is not None}
    conn = http.client.HTTPConnection("127.0.0.1", stack().port, timeout=timeout)
    try:
        try:
            conn.request(method, path, body=data, headers=h)
        except (BrokenPipeError, ConnectionResetError):
            pass    # the server may answer (413) and close before reading a big body
        resp = conn.getresponse()
        data = resp.read()
        text = data.decode("utf-8", "replace")
        parsed = None
        if "json" in (resp.getheader("Content-Type") or ""):
            try:
                parsed = json.loads(text)
            except ValueError:
                pass
        return Reply(resp.status, resp.headers, parsed, text, data)
    finally:
        conn.close()


def recv_all(sock):
    """Everything a socket receives until the peer closes it."""
    data = b""
    while True:
        chunk = sock.recv(65536)
        if not chunk:
            return data
        data += chunk


def unique(prefix="u"):
    return "%s%s" % (prefix, uuid.uuid4().hex[:12])


class User:
    """A registered, logged-in user; .api() sends its token."""

    def __init__(self, username, email, password):
        self.username, self.email, self.password = username, email, password
        self.id = self.token = self.session_id = None

    def api(self, method, path, body=None, token=None, **kw):
        return api(method, path, body, token=token or self.token, **kw)

    def login(self, **extra):
        r = api("POST", "/api/auth/login",
                dict({"username": self.username, "password": self.password}, **extra))
        assert r.status == 200, "login of %s failed: %r" % (self.username, r)
        return r.json["session"]["token"], r.json["session"]["id"]


def register(username=None, email=None, password=None):
    """POST /api/auth/register; what is not given is made up (unique and valid)."""
    username = unique() if username is None else username
    return api("POST", "/api/auth/register", {
        "username": username,
        "email": unique() + "@example.com" if email is None else email,
        "password": "pw-" + uuid.uuid4().hex[:16] if password is None else password})


def new_user(prefix="u", password=None):
    """Registers a unique user and logs it in (its first session and token)."""
    u = User(unique(prefix), None, password or "pw-" + uuid.uuid4().hex[:16])
    u.email = u.username + "@example.com"
    r = register(u.username, u.email, u.password)
    assert r.status == 201, "register failed: %r" % (r,)
    u.id = r.json["user"]["id"]
    u.token, u.session_id = u.login()
    return u


# ---- shape checks ------------------------------------------------------------------------
TS = "timestamp"          # ISO 8601 UTC ending in Z
UUID4 = "uuid4"           # lower-case UUIDv4 string
INT = "int"               # an integer, not a bool
NULLABLE_STR = (str, type(None))


class ApiTestCase(unittest.TestCase):
    """Base of every e2e test: starts (or reuses) the stack; assertions on replies."""

    maxDiff = 4000

    @classmethod
    def setUpClass(cls):
        stack()

    def assertShape(self, obj, spec, where="body"):
        """obj has exactly spec's keys, each of spec's type (or nested spec)."""
        self.assertIsInstance(obj, dict, where)
        self.assertEqual(sorted(obj), sorted(spec), "keys of %s: %r" % (where, obj))
        for key, want in spec.items():
            self.assertValue(obj[key], want, "%s.%s" % (where, key))

    def assertValue(self, value, want, where):
        if isinstance(want, dict):
            self.assertShape(value, want, where)
        elif want == TS:
            self.assertIsInstance(value, str, where)
            self.assertRegex(value, TS_RE, where)
        elif want == UUID4:
            self.assertIsInstance(value, str, where)
            self.assertRegex(value, UUID4_RE, where)
        elif want == INT:
            self.assertTrue(isinstance(value, int) and not isinstance(value, bool),
                            "%s: want an integer, got %r" % (where, value))
        elif want is bool:
            self.assertIsInstance(value, bool, where)
        else:
            self.assertIsInstance(value, want, where)

    def assertJson(self, r):
        ctype = r.headers.get("Content-Type", "")
        self.assertTrue(ctype.startswith("application/json"), "Content-Type %r in %r" % (ctype, r))
        self.assertIsInstance(r.json, dict, "body is not a JSON object: %r" % (r,))
        self.assertIsInstance(r.json.get("success"), bool, r)
        self.assertNoSecrets(r)

    def assertOk(self, r, status=200):
        self.assertEqual(r.status, status, r)
        self.assertJson(r)
        self.assertIs(r.json["success"], True, r)
        return r.json

    def assertError(self, r, status, code, message=None, field=None):
        """A failure in the product's shape; field: a word the message must name."""
        self.assertEqual(r.status, status, r)
        self.assertJson(r)
        self.assertIs(r.json["success"], False, r)
        self.assertEqual(r.json.get("code"), code, r)
        self.assertIsInstance(r.json.get("error"), str, r)
        self.assertTrue(r.json["error"].strip(), r)
        if message is not None:
            self.assertEqual(r.json["error"], message, r)
        if field is not None:
            self.assertIn(field, r.json["error"], "the message should name the field: %r" % (r,))
        if code in ("missing_token", "invalid_session"):
            self.assertTrue(r.headers.get("WWW-Authenticate", "").startswith("Bearer"),
                            "401 without WWW-Authenticate: Bearer: %s" % r.headers)
        return r.json

    def assertNoSecrets(self, r):
        def walk(v, where):
            if isinstance(v, dict):
                for k, x in v.items():
                    self.assertNotIn(k.lower(), SECRET_KEYS, "secret key %s.%s" % (where, k))
                    walk(x, where + "." + k)
            elif isinstance(v, list):
                for i, x in enumerate(v):
                    walk(x, "%s[%d]" % (where, i))
        walk(r.json, "body")
        self.assertNotRegex(r.text, r"\$2[aby]\$\d\d\$", "a bcrypt hash in the response")

    def assertInvalidToken(self, token):
        """The token no longer authenticates anything."""
        r = api("GET", "/api/auth/verify", token=token)
        body = self.assertError(r, 401, "invalid_session", "Invalid session")
        self.assertIs(body.get("valid"), False, r)

    def assertValidToken(self, token, session_id=None):
        r = api("GET", "/api/auth/verify", token=token)
        body = self.assertOk(r)
        if session_id is not None:
            self.assertEqual(body["session"]["id"], session_id, r)
        return body

    def assertAlive(self):
        """The server still answers normally after whatever the test sent."""
        r = api("GET", "/api/auth/verify")
        self.assertError(r, 401, "missing_token")


def wait_until(predicate, timeout, interval=0.05):
    deadline = time.monotonic() + timeout
    while True:
        v = predicate()
        if v or time.monotonic() >= deadline:
            return v
        time.sleep(interval)


def login_reply(username, password, **extra):
    """POST /api/auth/login with a username (or email) and password; the raw reply."""
    return api("POST", "/api/auth/login", dict({"username": username, "password": password}, **extra))


def bcrypt(password, cost=4, prefix="$2b$"):
    """A bcrypt hash made by libxcrypt itself (via ctypes: Python's crypt module is going away)."""
    import ctypes
    lib = ctypes.CDLL("libcrypt.so.1")
    lib.crypt_gensalt.restype = ctypes.c_char_p
    lib.crypt_gensalt.argtypes = [ctypes.c_char_p, ctypes.c_ulong, ctypes.c_char_p, ctypes.c_int]
    lib.crypt.restype = ctypes.c_char_p
    lib.crypt.argtypes = [ctypes.c_char_p, ctypes.c_char_p]
    setting = lib.crypt_gensalt(prefix.encode(), cost, None, 0)
    assert setting, "crypt_gensalt(%s) failed" % prefix
    h = lib.crypt(password.encode(), setting).decode()
    assert h.startswith(prefix + "%02d$" % cost) and len(h) == 60, h
    return h


def verify_bcrypt(password, stored):
    """True if stored is a bcrypt hash of password (checked by libxcrypt, not by the server)."""
    import ctypes
    lib = ctypes.CDLL("libcrypt.so.1")
    lib.crypt.restype = ctypes.c_char_p
    lib.crypt.argtypes = [ctypes.c_char_p, ctypes.c_char_p]
    out = lib.crypt(password.encode(), stored.encode())
    return out is not None and out.decode() == stored


def parse_ts(text):
    """An API timestamp ("2024-01-01T00:00:00Z", maybe with a fraction) as seconds since 1970."""
    import datetime
    main, _, frac = text.rstrip("Z").partition(".")
    t = datetime.datetime.strptime(main, "%Y-%m-%dT%H:%M:%S").replace(
        tzinfo=datetime.timezone.utc).timestamp()
    return t + (float("0." + frac) if frac else 0.0)


# ---- jobs --------------------------------------------------------------------------------
FINAL = ("completed", "failed")


def generate(user, prompt="a glowing blue sword of frost", **extra):
    """POST /api/generate-mod as user; the raw reply."""
    return user.api("POST", "/api/generate-mod", dict({"prompt": prompt}, **extra))


def job_status(user, job_id):
    r = user.api("GET", "/api/status/" + job_id)
    assert r.status == 200, "status of %s: %r" % (job_id, r)
    return r.json["job"]


def wait_for_job(user, job_id, statuses=FINAL, timeout=30):
    """Polls the job's status until it is one of `statuses`; the job, or an AssertionError."""
    seen = []

    def reached():
        j = job_status(user, job_id)
        seen.append(j["status"])
        return j if j["status"] in statuses else None
    j = wait_until(reached, timeout, 0.05)
    assert j, "job %s never reached %s; statuses seen: %s" % (job_id, statuses, seen[-5:])
    return j


def job_row(job_id):
    """The job's claim bookkeeping as the database has it: (attempts, claim, status)."""
    a, c, s = psql("SELECT attempts, claim, status FROM jobs WHERE job_id = '%s'"
                   % job_id).split("|")
    return int(a), int(c), s
