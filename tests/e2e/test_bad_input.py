"""e2e: malformed requests get a clear 4xx JSON answer, change nothing, and the server lives on."""
import json
import socket

from tests.e2e.api_test_case import ApiTestCase
from tests.kit.api import api, new_user, unique
from tests.kit.suite_stack import psql, stack


class BadInputTest(ApiTestCase):

    def tearDown(self):
        self.assertAlive()

    def users(self):
        return psql("SELECT count(*) FROM users")

    def test_body_that_is_not_json(self):
        before = self.users()
        for raw in ("not json", "{", '{"username": "a",}', "{'a': 1}", "\x00",
                    b"\xff\xfe{}", '{"username": "\xff"}'.encode("latin-1"), "NaN",
                    '{"a": 1} trailing'):
            with self.subTest(raw=raw[:20]):
                r = api("POST", "/api/auth/register", raw=raw)
                self.assertError(r, 400, "invalid_json")
        # An empty body is an empty object (README): the first missing field is named.
        for raw in ("", "   "):
            with self.subTest(raw=raw):
                r = api("POST", "/api/auth/register", raw=raw)
                self.assertError(r, 400, "validation_error", field="username")
        self.assertEqual(self.users(), before)

    def test_json_that_is_not_an_object(self):
        for raw in ("[]", '"text"', "42", "null", "true", '[{"username": "x"}]'):
            with self.subTest(raw=raw):
                self.assertError(api("POST", "/api/auth/login", raw=raw), 400, "invalid_json")

    def test_deep_nesting(self):
        u = new_user()
        for depth in (33, 1000, 10000):
            for opener, closer in (("[", "]"), ('{"a":', "}")):
                with self.subTest(depth=depth, kind=opener):
                    raw = '{"name": ' + opener * depth + "1" + closer * depth + "}"
                    r = api("POST", "/api/sessions/new", raw=raw, token=u.token)
                    self.assertError(r, 400, "invalid_json")
        # Unbalanced nesting, never closed.
        self.assertError(api("POST", "/api/auth/login", raw="[" * 10000), 400, "invalid_json")

    def test_wrong_types_and_missing_fields(self):
        u = new_user()
        cases = [("POST", "/api/auth/register", {"username": 1, "email": "a@b.cd",
                                                 "password": "long enough"}, "username"),
                 ("POST", "/api/auth/register", {"username": unique(), "email": "a@b.cd"},
                  "password"),
                 ("POST", "/api/auth/login", {"username": {"$ne": ""}, "password": "x" * 8},
                  "username"),
                 ("POST", "/api/sessions/new", {"name": 3.5}, "name"),
                 ("PATCH", "/api/auth/me", {"username": False}, "username"),
                 ("POST", "/api/auth/logout-all", {"password": ["x"]}, "password"),
                 ("DELETE", "/api/auth/me", {"password": None}, "password")]
        for method, path, body, field in cases:
            with self.subTest(path=path, body=body):
                r = api(method, path, body, token=u.token)
                self.assertError(r, 400, "validation_error", field=field)
        self.assertValidToken(u.token)

    def test_body_too_large(self):
        before = self.users()
        big = '{"username": "' + "a" * (2 << 20) + '"}'
        r = api("POST", "/api/auth/register", raw=big)
        self.assertError(r, 413, "payload_too_large")
        # One byte over the 65536 limit, and exactly at it (then it is only a bad username).
        pad = 65536 - len('{"username": ""}')
        over = '{"username": "' + "a" * (pad + 1) + '"}'
        self.assertError(api("POST", "/api/auth/register", raw=over), 413, "payload_too_large")
        at = '{"username": "' + "a" * pad + '"}'
        self.assertEqual(len(at), 65536)
        self.assertError(api("POST", "/api/auth/register", raw=at), 400, "validation_error")
        self.assertEqual(self.users(), before)

    def test_chunked_body_too_large(self):
        chunks = (b"a" * 65536 for _ in range(32))
        r = api("POST", "/api/auth/register", raw=chunks)
        self.assertEqual((r.status, json.loads(r.data).get("code")), (413, "payload_too_large"))

    def test_chunked_json_body_works(self):
        name = unique()
        payload = json.dumps({"username": name, "email": name + "@example.com",
                              "password": "chunked password"}).encode()
        r = api("POST", "/api/auth/register", raw=iter([payload[:10], payload[10:]]))
        self.assertEqual(r.status, 201, r.data)

    def test_garbage_tokens(self):
        for token in ("x" * 4000, "Bearer", "%00", "../../etc/passwd", "a b c",
                      "00000000-0000-4000-8000-00000000000g", "{}", "\u00ff" * 10):
            with self.subTest(token=token[:20]):
                r = api("GET", "/api/auth/me",
                        headers={"Authorization": ("Bearer " + token).encode("utf-8")})
                self.assertError(r, 401, "invalid_session")
                r = api("GET", "/api/auth/me", headers={"X-Session-Token": token.encode("utf-8")})
                self.assertError(r, 401, "invalid_session")

    def test_oversized_header(self):
        r = api("GET", "/api/auth/verify", headers={"Authorization": "Bearer " + "x" * 20000})
        self.assertEqual(r.status, 400, r)
        self.assertJson(r)
        self.assertIs(r.json["success"], False)

    def test_wrong_method(self):
        for method, path, allowed in (
                ("GET", "/api/auth/register", {"POST"}), ("DELETE", "/api/auth/login", {"POST"}),
                ("POST", "/api/auth/verify", {"GET"}), ("GET", "/api/auth/logout", {"POST"}),
                ("PUT", "/api/auth/me", {"GET", "PATCH", "DELETE"}),
                ("POST", "/api/sessions", {"GET"}),
                ("PUT", "/api/sessions/1", {"GET", "PATCH", "DELETE"}),
                ("GET", "/api/sessions/1/resume", {"POST"}),
                ("POST", "/api/auth/tokens", {"GET"}), ("GET", "/api/auth/tokens/1", {"DELETE"}),
                ("GET", "/api/auth/logout-all", {"POST"}), ("DELETE", "/api/auth/events", {"GET"})):
            with self.subTest(method=method, path=path):
                r = api(method, path)
                self.assertError(r, 405, "method_not_allowed")
                allow = {m.strip() for m in r.headers.get("Allow", "").split(",")}
                self.assertTrue(allowed <= allow, "Allow: %r, want %r" % (allow, allowed))
                self.assertNotIn(method, allow)

    def test_not_json_content_type(self):
        u = new_user()
        body = json.dumps({"username": unique(), "email": unique() + "@example.com",
                           "password": "long enough"})
        for ctype in ("text/plain", "application/x-www-form-urlencoded", "multipart/form-data",
                      "application/jsonx", None):
            for method, path in (("POST", "/api/auth/register"), ("POST", "/api/auth/login"),
                                 ("POST", "/api/auth/logout"), ("POST", "/api/sessions/new"),
                                 ("POST", "/api/sessions/%d/resume" % u.session_id),
                                 ("PATCH", "/api/auth/me"), ("POST", "/api/auth/logout-all")):
                with self.subTest(ctype=ctype, path=path):
                    # A logout that wrongly went through must not spoil the other cases.
                    token = new_user().token if path.endswith("logout") else u.token
                    r = api(method, path, raw=body, token=token, headers={"Content-Type": ctype})
                    self.assertError(r, 415, "unsupported_media_type")
                    if path.endswith("logout"):
                        self.assertValidToken(token)
        self.assertValidToken(u.token)
        for ctype in ("application/json; charset=utf-8", "application/json;charset=UTF-8",
                      "Application/JSON"):
            with self.subTest(ctype=ctype):
                name = unique()
                r = api("POST", "/api/auth/register", headers={"Content-Type": ctype},
                        raw=json.dumps({"username": name, "email": name + "@example.com",
                                        "password": "long enough"}))
                self.assertOk(r, 201)

    def test_unknown_paths(self):
        for method, path in (("GET", "/api/nope"), ("POST", "/api/auth/nope"),
                             ("GET", "/api/auth/verify/extra"), ("GET", "/api/sessions/1/x"),
                             ("GET", "/api"), ("GET", "/api/"), ("GET", "/index.php"),
                             # "/" and "/index.html" are the web page (test_headers.test_web_page)
                             ("GET", "/web/index.html"), ("POST", "/nope"), ("GET", "/_files/x"),
                             ("GET", "/api/../etc/passwd"), ("GET", "/_errors/404"),
                             ("GET", "/downloads")):
            with self.subTest(method=method, path=path):
                r = api(method, path)
                self.assertError(r, 404, "not_found")

    def test_query_strings_are_harmless(self):
        u = new_user()
        self.assertOk(api("GET", "/api/auth/verify?x=1&y=%00&z", token=u.token))
        self.assertOk(api("GET", "/api/auth/me?" + "a=b&" * 500, token=u.token))

    def test_raw_http_garbage(self):
        for payload in (b"HELLO\r\n\r\n", b"\x16\x03\x01\x00\x05hello",
                        b"GET /api/auth/verify HTTP/1.1\r\nHost: a\r\nContent-Length: -1\r\n\r\n"):
            with self.subTest(payload=payload[:20]):
                with socket.create_connection(("127.0.0.1", stack().port), timeout=10) as s:
                    s.sendall(payload)
                    try:
                        data = s.recv(65536)
                    except ConnectionResetError:
                        data = b""
                self.assertTrue(data.startswith(b"HTTP/1.1 400 "), data[:300])
                self.assertIn(b'"success":false', data)

    def test_bad_uri(self):
        # nginx itself refuses a NUL in the path: still a JSON answer.
        self.assertError(api("GET", "/api/%00"), 400, "bad_request")
