"""The e2e suite's stack (2 handlers, 2 workers) and the base of its tests: ApiTestCase, with the
assertions on replies (shapes, errors, no secrets)."""
import datetime
import re
import unittest

from tests.kit import suite_stack
from tests.kit.api import api

WORKERS = 2


def make_e2e_stack():
    """The e2e suite's stack (in build/run/e2e unless MODFORGE_TEST_RUN names another)."""
    return suite_stack.make_stack(suite_stack.run_name() or "e2e", handlers=2, workers=WORKERS)


# Here too, not only in run.py: a test module also runs alone (python3 -m unittest tests.e2e.x).
suite_stack.configure(make_e2e_stack)

TS_RE = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$")
MS_TS_RE = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$")
UUID4_RE = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")
SECRET_KEYS = {"password", "password_hash", "token_hash", "hash", "current_password"}

# ---- shape checks ------------------------------------------------------------------------
TS = "timestamp"          # ISO 8601 UTC ending in Z
MS_TS_OR_NULL = "ms timestamp or null"   # ISO 8601 UTC with milliseconds, or None
UUID4 = "uuid4"           # lower-case UUIDv4 string
INT = "int"               # an integer, not a bool
NULLABLE_STR = (str, type(None))


class ApiTestCase(unittest.TestCase):
    """Base of every e2e test: starts (or reuses) the stack; assertions on replies."""

    maxDiff = 4000

    @classmethod
    def setUpClass(cls):
        suite_stack.stack()

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
        elif want == MS_TS_OR_NULL:
            if value is not None:
                self.assertIsInstance(value, str, where)
                self.assertRegex(value, MS_TS_RE, where)
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


def parse_ts(text):
    """An API timestamp ("2024-01-01T00:00:00Z", maybe with a fraction) as seconds since 1970."""
    main, _, frac = text.rstrip("Z").partition(".")
    t = datetime.datetime.strptime(main, "%Y-%m-%dT%H:%M:%S").replace(
        tzinfo=datetime.timezone.utc).timestamp()
    return t + (float("0." + frac) if frac else 0.0)
