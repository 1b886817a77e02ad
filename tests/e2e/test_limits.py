"""e2e: every limit on what a client sends is a clear 4xx that changes nothing: nginx's limit_conn
(JSON 429), URI and header sizes, JSON object members, string fields, paging parameters, tokens;
and the handler's own URI and body limits when nginx is not in front (FastCGI spoken directly)."""
import os
import re
import socket
import uuid

from tests.e2e.api_test_case import ApiTestCase
from tests.kit import fastcgi as kit_fastcgi
from tests.kit.api import api, new_user, unique
from tests.kit.stack import REPO
from tests.kit.suite_stack import psql, stack
from tests.kit.waits import wait_until

MAX_URI_BYTES = 2048            # src/http/limits.hpp max_uri_bytes, and nginx's check
MAX_JSON_MEMBERS = 64           # src/http/limits.hpp max_json_object_members
MAX_STRING_BYTES = 8192         # src/http/limits.hpp max_json_string_bytes
MAX_BODY_BYTES = 65536          # http.max_body_bytes and client_max_body_size 64k


def conn_limit(zone):
    """The number in `limit_conn <zone> N;` of conf/nginx/modforge-locations.conf."""
    with open(os.path.join(REPO, "conf", "nginx", "modforge-locations.conf")) as f:
        return int(re.search(r"limit_conn %s (\d+);" % zone, f.read()).group(1))


def hold_request(path):
    """A connection whose request nginx has accepted and is still reading the body of (it never
    comes): it counts against limit_conn until the socket is closed. nginx answers "100
    Continue" only once the request has passed limit_conn, so it is counted on return."""
    s = socket.create_connection(("127.0.0.1", stack().port), timeout=10)
    s.sendall(("POST %s HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
               "Content-Length: 1000\r\nExpect: 100-continue\r\n\r\n" % path).encode())
    answer = s.recv(65536)
    if not answer.startswith(b"HTTP/1.1 100 "):
        s.close()
        raise AssertionError("a request held on %s was answered: %r" % (path, answer[:200]))
    return s


def fastcgi(params, body=b""):
    return kit_fastcgi.fastcgi(stack().fcgi_socket, params, body)


class LimitsTest(ApiTestCase):

    def tearDown(self):
        self.assertAlive()

    def count(self, table):
        return psql("SELECT count(*) FROM %s" % table)

    # ---- nginx: limit_conn per address ------------------------------------------------------
    def assertConnLimit(self, path, zone, probe, unaffected):
        """With `limit` requests of this address in progress on `path`, one more (probe()) is a
        JSON 429 while unaffected() (another zone's path) still works; with one fewer in
        progress, probe() goes through."""
        limit = conn_limit(zone)
        held = []
        try:
            for _ in range(limit):
                held.append(hold_request(path))
            r = probe()
            self.assertError(r, 429, "rate_limited")
            self.assertEqual(r.headers.get("Retry-After"), "1", r.headers)
            unaffected()
            held.pop().close()
            self.assertTrue(wait_until(lambda: probe().status != 429, 5),
                            "still 429 with %d requests in progress" % (limit - 1))
        finally:
            for s in held:
                s.close()
        self.assertTrue(wait_until(lambda: probe().status != 429, 5))

    def test_limit_conn_on_the_api(self):
        u = new_user()
        download = "/downloads/nothing-%s.zip" % uuid.uuid4()
        self.assertConnLimit(
            "/api/sessions/new", "modforge_api_conn",
            lambda: api("GET", "/api/auth/verify", token=u.token),
            lambda: self.assertError(api("GET", download, token=u.token), 404, "not_found"))
        self.assertValidToken(u.token)
        self.assertEqual(int(self.count("sessions WHERE user_id = %d" % u.id)), 1)

    def test_limit_conn_on_downloads(self):
        u = new_user()
        download = "/downloads/nothing-%s.zip" % uuid.uuid4()
        self.assertConnLimit("/downloads/x.zip", "modforge_download_conn",
                             lambda: api("GET", download, token=u.token),
                             lambda: self.assertValidToken(u.token))

    # ---- URIs -----------------------------------------------------------------------------
    def test_uri_length(self):
        u = new_user()
        base = "/api/auth/verify?pad="
        at = base + "a" * (MAX_URI_BYTES - len(base))
        self.assertEqual(len(at), MAX_URI_BYTES)
        self.assertOk(api("GET", at, token=u.token))
        for uri in (at + "a", "/api/auth/verify/" + "a" * MAX_URI_BYTES,
                    "/api/sessions?limit=1&" + "x=1&" * 1000, "/" + "a" * 20000,
                    "/downloads/" + "a" * 3000 + ".zip", "/api/sessions/new?" + "a" * 3000):
            with self.subTest(length=len(uri)):
                self.assertError(api("GET", uri, token=u.token), 414, "uri_too_long")
                self.assertError(api("POST", uri, {"name": "x"}, token=u.token), 414,
                                 "uri_too_long")
        self.assertEqual(len(api("GET", "/api/sessions", token=u.token).json["sessions"]), 1)

    def test_handler_refuses_long_uri_and_body_without_nginx(self):
        params = {"REQUEST_METHOD": "GET", "REQUEST_URI": "/api/auth/verify",
                  "QUERY_STRING": "", "REMOTE_ADDR": "127.0.0.1"}
        status, text = fastcgi(params)
        self.assertEqual(status, 401, text)
        self.assertIn('"code":"missing_token"', text)

        at = "/api/auth/verify?" + "a" * (MAX_URI_BYTES - len("/api/auth/verify?"))
        self.assertEqual(fastcgi(dict(params, REQUEST_URI=at))[0], 401)
        for over in ({"REQUEST_URI": at + "a"}, {"QUERY_STRING": "a" * (MAX_URI_BYTES + 1)},
                     {"REQUEST_URI": "/" + "a" * 100000}):
            with self.subTest(param=list(over)[0]):
                status, text = fastcgi(dict(params, **over))
                self.assertEqual(status, 414, text)
                self.assertIn('"code":"uri_too_long"', text)

        before = self.count("users")
        post = dict(params, REQUEST_METHOD="POST", REQUEST_URI="/api/auth/register",
                    CONTENT_TYPE="application/json")
        for length in (str(MAX_BODY_BYTES + 1), "99999999999999999999999", "-1"):
            with self.subTest(content_length=length):
                status, text = fastcgi(dict(post, CONTENT_LENGTH=length), b"{}")
                self.assertEqual(status, 413, text)
                self.assertIn('"code":"payload_too_large"', text)
        self.assertEqual(self.count("users"), before)

    # ---- headers and tokens -----------------------------------------------------------------
    def test_header_sizes(self):
        u = new_user()
        # One header line of 7 KB is fine (under nginx's 8k buffer); it is only a bad token.
        self.assertOk(api("GET", "/api/auth/verify", token=u.token,
                          headers={"X-Padding": "p" * 7000}))
        self.assertError(api("GET", "/api/auth/verify",
                             headers={"Authorization": "Bearer " + "t" * 7000}),
                         401, "invalid_session")
        # A line over 8k, or more than 32k of header lines in all: nginx's JSON 400.
        for headers in ({"X-Padding": "p" * 9000}, {"Authorization": "Bearer " + "t" * 9000},
                        {"X-Session-Token": "t" * 9000},
                        {"X-Padding-%d" % i: "p" * 7000 for i in range(6)}):
            with self.subTest(headers=sorted(headers)[:2]):
                r = api("GET", "/api/auth/verify", token=u.token, headers=headers)
                self.assertError(r, 400, "headers_too_large")
        self.assertValidToken(u.token)

    def test_token_length(self):
        u = new_user()
        for header in ("Authorization", "X-Session-Token"):
            prefix = "Bearer " if header == "Authorization" else ""
            with self.subTest(header=header):
                self.assertOk(api("GET", "/api/auth/verify", token=None,
                                  headers={header: prefix + u.token}))
                # One character more or less than a UUID, or the token repeated.
                for token in (u.token + "0", u.token[:-1], u.token * 2, u.token.upper(),
                              u.token.replace("-", "")):
                    r = api("GET", "/api/auth/verify", headers={header: prefix + token})
                    self.assertError(r, 401, "invalid_session")
        self.assertValidToken(u.token)

    # ---- JSON bodies ------------------------------------------------------------------------
    def test_json_object_members(self):
        before = self.count("users")

        def body(n, nested=False):
            name = unique()
            fields = {"username": name, "email": name + "@example.com",
                      "password": "long enough pw"}
            extra = {"x%d" % i: i for i in range(n - (0 if nested else len(fields)))}
            if nested:
                fields["extra"] = extra
            else:
                fields.update(extra)
            return fields
        self.assertOk(api("POST", "/api/auth/register", body(MAX_JSON_MEMBERS)), 201)
        self.assertOk(api("POST", "/api/auth/register", body(MAX_JSON_MEMBERS, nested=True)), 201)
        for b in (body(MAX_JSON_MEMBERS + 1), body(MAX_JSON_MEMBERS + 1, nested=True),
                  body(1000), dict(body(3), list=[{"k%d" % i: 0 for i in range(65)}])):
            with self.subTest(members=len(b)):
                r = api("POST", "/api/auth/register", b)
                self.assertError(r, 400, "invalid_json", field=str(MAX_JSON_MEMBERS))
        self.assertEqual(int(self.count("users")), int(before) + 2)

    def test_json_depth_boundary(self):
        u = new_user()
        # 32 levels in all (the body's own object is the first): parsed, then the wrong type.
        raw = '{"name": ' + "[" * 31 + "]" * 31 + "}"
        self.assertError(api("POST", "/api/sessions/new", raw=raw, token=u.token), 400,
                         "validation_error", field="name")
        raw = '{"name": ' + "[" * 32 + "]" * 32 + "}"
        self.assertError(api("POST", "/api/sessions/new", raw=raw, token=u.token), 400,
                         "invalid_json")

    def test_string_fields_are_bounded(self):
        u = new_user()
        huge = "a" * 60000
        over = "a" * (MAX_STRING_BYTES + 1)
        j = {"username": "x" * 51, "email": "e" * 250 + "@x.com", "password": "p" * 73,
             "name": "n" * 256, "prompt": "q" * 2001}
        cases = [
            ("POST", "/api/auth/register", {"username": huge, "email": "a@b.cd",
                                            "password": "long enough"}, "username"),
            ("POST", "/api/auth/register", {"username": j["username"], "email": "a@b.cd",
                                            "password": "long enough"}, "username"),
            ("POST", "/api/auth/register", {"username": unique(), "email": huge,
                                            "password": "long enough"}, "email"),
            ("POST", "/api/auth/register", {"username": unique(), "email": j["email"],
                                            "password": "long enough"}, "email"),
            ("POST", "/api/auth/register", {"username": unique(), "email": "a@b.cd",
                                            "password": huge}, "password"),
            ("POST", "/api/auth/register", {"username": unique(), "email": "a@b.cd",
                                            "password": j["password"]}, "password"),
            ("POST", "/api/auth/login", {"username": huge, "password": "long enough"},
             "username"),
            ("POST", "/api/auth/login", {"email": over, "password": "long enough"}, "email"),
            ("POST", "/api/auth/login", {"username": u.username, "password": over}, "password"),
            ("PATCH", "/api/auth/me", {"username": huge}, "username"),
            ("PATCH", "/api/auth/me", {"username": j["username"]}, "username"),
            ("PATCH", "/api/auth/me", {"email": huge, "current_password": u.password}, "email"),
            ("PATCH", "/api/auth/me", {"email": j["email"], "current_password": u.password},
             "email"),
            ("PATCH", "/api/auth/me", {"password": huge, "current_password": u.password},
             "password"),
            ("PATCH", "/api/auth/me", {"password": j["password"], "current_password": u.password},
             "password"),
            ("PATCH", "/api/auth/me", {"email": "new@example.com", "current_password": huge},
             "current_password"),
            ("DELETE", "/api/auth/me", {"password": huge}, "password"),
            ("POST", "/api/auth/logout-all", {"password": huge}, "password"),
            ("POST", "/api/sessions/new", {"name": huge}, "name"),
            ("POST", "/api/sessions/new", {"name": j["name"]}, "name"),
            ("PATCH", "/api/sessions/%d" % u.session_id, {"name": huge}, "name"),
            ("PATCH", "/api/sessions/%d" % u.session_id, {"name": j["name"]}, "name"),
            ("POST", "/api/generate-mod", {"prompt": huge}, "prompt"),
            ("POST", "/api/generate-mod", {"prompt": j["prompt"]}, "prompt"),
        ]
        before = [self.count(t) for t in ("users", "sessions", "jobs", "session_tokens")]
        for method, path, body, field in cases:
            with self.subTest(path=path, field=field, length=len(body[field])):
                r = api(method, path, body, token=u.token)
                self.assertError(r, 400, "validation_error", field=field)
        self.assertEqual([self.count(t) for t in ("users", "sessions", "jobs", "session_tokens")],
                         before)
        me = self.assertValidToken(u.token)
        self.assertEqual((me["user"]["username"], me["user"]["email"], me["session"]["name"]),
                         (u.username, u.email, None))

    # ---- paging parameters ------------------------------------------------------------------
    def test_paging_parameters(self):
        u = new_user()
        ok = ("limit=1", "limit=100", "offset=0", "offset=1000000", "limit=050", "limit=%31",
              "other=1&other=2")
        bad = ("0", "101", "-1", "1e3", "", "+1", "%2B1", "%201", "1.0", "0x10", "1%00",
               "9" * 30, "18446744073709551617")
        for path, names, valid in (("/api/sessions", ("limit", "offset"), ok),
                                   ("/api/auth/tokens", ("limit", "offset"), ok),
                                   ("/api/sessions/%d" % u.session_id, ("limit", "offset"), ok),
                                   ("/api/sessions/current/jobs", ("limit", "offset"), ok),
                                   ("/api/auth/events", ("limit",), ok[:2])):
            for query in valid:
                with self.subTest(path=path, query=query):
                    self.assertOk(api("GET", path + "?" + query, token=u.token))
            for name in names:
                for value in bad + ("1&%s=2" % name, "5&%s=5" % name):
                    if name == "offset" and value in ("0", "101"):
                        continue
                    with self.subTest(path=path, name=name, value=value):
                        r = api("GET", "%s?%s=%s" % (path, name, value), token=u.token)
                        self.assertError(r, 400, "validation_error", field=name)
                with self.subTest(path=path, name=name, value="(no '=')"):
                    self.assertError(api("GET", "%s?%s" % (path, name), token=u.token), 400,
                                     "validation_error", field=name)
        for path in ("/api/sessions", "/api/auth/tokens", "/api/sessions/current/jobs"):
            self.assertError(api("GET", path + "?offset=1000001", token=u.token), 400,
                             "validation_error", field="offset")
