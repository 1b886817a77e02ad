"""e2e: nginx's response headers on everything it sends (the handlers' JSON, its own errors, the
files behind X-Accel-Redirect, the 429 of limit_req, the web page's static files):
conf/nginx/modforge-security-headers.conf."""
import http.client
import socket

from tests.e2e.api_test_case import ApiTestCase
from tests.kit.api import USER_AGENT, api, generate, new_user, wait_for_job
from tests.kit.http import Client
from tests.kit.suite_stack import make_stack, run_name, stack

SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'",
    "X-Frame-Options": "DENY",
}
# The web page's policy (conf/nginx/modforge-locations.conf): its own files and blob: images.
PAGE_CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' blob:; "
            "connect-src 'self'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'")


def raw_request(port, payload):
    """Sends bytes as they are and parses what comes back; (status, headers, body)."""
    with socket.create_connection(("127.0.0.1", port), timeout=10) as s:
        s.sendall(payload)
        r = http.client.HTTPResponse(s, method="GET")
        r.begin()
        return r.status, r.headers, r.read()


class HeadersTest(ApiTestCase):

    def assertHeaders(self, r, cache="no-store", retry_after=None, csp=None, allow=None):
        """Each security header exactly once with its value, the Cache-Control for the kind of
        answer, a Server header without a version, and Retry-After and Allow only where given."""
        headers = r.headers if hasattr(r, "headers") else r[1]
        expected = dict(SECURITY_HEADERS, **{"Cache-Control": cache})
        if csp:
            expected["Content-Security-Policy"] = csp
        for name, value in expected.items():
            self.assertEqual(headers.get_all(name), [value], "%s in %s" % (name, headers))
        self.assertEqual(headers.get_all("Server"), ["nginx"], headers)
        self.assertEqual(headers.get_all("Retry-After"), retry_after and [retry_after], headers)
        self.assertEqual(headers.get_all("Allow"), allow and [allow], headers)
        # The request's id (nginx's $request_id), once, on every kind of answer.
        ids = headers.get_all("X-Request-Id") or []
        self.assertEqual(len(ids), 1, headers)
        self.assertRegex(ids[0], r"^[0-9a-f]{32}$")

    def test_api_json(self):
        u = new_user()
        r = api("GET", "/api/auth/verify", token=u.token)
        self.assertOk(r)
        self.assertHeaders(r)
        r = u.api("POST", "/api/sessions/new", {"name": "headers"})
        self.assertOk(r, 201)
        self.assertHeaders(r)

    def test_handler_errors(self):
        u = new_user()
        for r, status, code, allow in (
                (api("GET", "/api/auth/me"), 401, "missing_token", None),
                (api("GET", "/api/auth/me", token="x"), 401, "invalid_session", None),
                (api("POST", "/api/auth/login", raw="{"), 400, "invalid_json", None),
                (api("GET", "/api/nope"), 404, "not_found", None),
                (api("PUT", "/api/auth/me"), 405, "method_not_allowed", "GET, HEAD, PATCH, DELETE"),
                (u.api("GET", "/downloads/x-%s.zip" % u.token), 404, "not_found", None)):
            with self.subTest(status=status, code=code):
                self.assertError(r, status, code)
                self.assertHeaders(r, allow=allow)

    def test_head_is_get_without_the_body(self):
        u = new_user()
        get, head = (api(m, "/api/auth/verify", token=u.token) for m in ("GET", "HEAD"))
        self.assertOk(get)
        self.assertEqual(head.status, 200)
        self.assertEqual(head.data, b"")
        for name in ("Content-Type", "Content-Length"):
            self.assertEqual(head.headers.get(name), get.headers.get(name), name)
        self.assertHeaders(head)
        # Its refusals are GET's, without the body.
        r = api("HEAD", "/api/auth/me")
        self.assertEqual((r.status, r.data, r.headers.get("WWW-Authenticate")),
                         (401, b"", "Bearer"))
        self.assertHeaders(r)

    def test_nginx_own_errors(self):
        for r, status, code in (
                (api("GET", "/nope"), 404, "not_found"),
                (api("GET", "/_files/1/image-0.png"), 404, "not_found"),
                (api("POST", "/api/auth/register", raw="x" * 70000), 413, "payload_too_large"),
                (api("GET", "/api/auth/verify?" + "a" * 3000), 414, "uri_too_long"),
                (api("GET", "/" + "a" * 10000), 414, "uri_too_long"),
                (api("GET", "/api/auth/verify", headers={"X-Big": "b" * 9000}), 400,
                 "headers_too_large")):
            with self.subTest(status=status, code=code):
                self.assertError(r, status, code)
                self.assertHeaders(r)
        # A request nginx cannot even parse.
        status, headers, body = raw_request(stack().port, b"HELLO\r\n\r\n")
        self.assertEqual(status, 400, body)
        self.assertIn(b'"code":"bad_request"', body)
        self.assertHeaders((status, headers))

    def test_web_page(self):
        # The page and its assets: their own types, the page's CSP, revalidated on each use.
        for path, ctype in (("/", "text/html; charset=utf-8"),
                            ("/index.html", "text/html; charset=utf-8"),
                            ("/js/app.js", "text/javascript; charset=utf-8"),
                            ("/css/app.css", "text/css; charset=utf-8"),
                            ("/img/icon.svg", "image/svg+xml; charset=utf-8")):
            with self.subTest(path=path):
                r = api("GET", path)
                self.assertEqual((r.status, r.headers.get("Content-Type")), (200, ctype))
                self.assertHeaders(r, cache="no-cache", csp=PAGE_CSP)
        self.assertIn(b'<script type="module" src="/js/app.js">', api("GET", "/").data)
        # Other methods: nginx's JSON 405, with the methods it sends the files for.
        for method in ("POST", "DELETE"):
            with self.subTest(method=method):
                r = api(method, "/index.html")
                self.assertError(r, 405, "method_not_allowed")
                self.assertHeaders(r, allow="GET, HEAD")
        # Anything else outside /api/ and /downloads/ is still nginx's JSON 404, with the API's
        # policy: other names, other folders, the repository's other files.
        for path in ("/js/missing.js", "/index.htm", "/web/index.html", "/js/../Makefile",
                     "/css/app.js", "/README.md", "/js/", "/img/icon.svg.bak"):
            with self.subTest(path=path):
                r = api("GET", path)
                self.assertError(r, 404, "not_found")
                self.assertHeaders(r)

    def test_image_and_zip_downloads(self):
        u = new_user()
        r = generate(u)
        self.assertOk(r, 202)
        j = wait_for_job(u, r.json["job_id"])
        self.assertEqual(j["status"], "completed", j)

        image = u.api("GET", j["images"][0]["url"])
        self.assertEqual((image.status, image.headers.get("Content-Type")), (200, "image/png"))
        self.assertHeaders(image, cache="private, no-store")
        zipped = u.api("GET", j["result"]["download_url"])
        self.assertEqual((zipped.status, zipped.headers.get("Content-Type")),
                         (200, "application/zip"))
        self.assertTrue(zipped.data.startswith(b"PK"))
        self.assertHeaders(zipped, cache="private, no-store")
        # A resumed download, and a range past the end: nginx's 416 with the file's size.
        part = u.api("GET", j["result"]["download_url"], headers={"Range": "bytes=2-5"})
        self.assertEqual((part.status, part.data, part.headers.get("Content-Range")),
                         (206, zipped.data[2:6], "bytes 2-5/%d" % len(zipped.data)))
        self.assertHeaders(part, cache="private, no-store")
        r = u.api("GET", j["result"]["download_url"],
                  headers={"Range": "bytes=%d-" % len(zipped.data)})
        self.assertEqual((r.status, r.headers.get("Content-Range")),
                         (416, "bytes */%d" % len(zipped.data)))
        # nginx's range filter refuses after the headers filter ran, and its error answer runs
        # that filter again: each security header comes twice, with its one value
        # (docs/security.md, "Known limits").
        for name, value in dict(SECURITY_HEADERS, **{"Cache-Control": "private, no-store"}).items():
            self.assertEqual(set(r.headers.get_all(name)), {value}, name)
        # Without the token: the handler's 401, an API answer again.
        r = api("GET", j["result"]["download_url"])
        self.assertError(r, 401, "missing_token")
        self.assertHeaders(r)

    def test_limit_req_429(self):
        # The shared stack's limit_req is wide open; this one allows a minute's worth of 1.
        s = make_stack((run_name() or "e2e") + "-ratelimit", handlers=1, workers=0,
                       auth_rate="1r/m")
        s.start()
        try:
            client = Client(s.port, USER_AGENT, timeout=10)
            statuses = []
            for _ in range(30):     # burst=20 nodelay: the 22nd at the latest is refused
                r = client.request("POST", "/api/auth/login", raw="{}")
                statuses.append(r.status)
                if r.status == 429:
                    break
            self.assertEqual(statuses[-1], 429, statuses)
            self.assertIn(b'"code":"rate_limited"', r.data)
            self.assertTrue(r.headers.get("Content-Type").startswith("application/json"))
            self.assertHeaders(r, retry_after="1")
            self.assertEqual(set(statuses[:-1]), {400}, statuses)
            # Every request that checks a password draws on the same budget, spent now; a
            # read of the account does not.
            for method, path in (("PATCH", "/api/auth/me"), ("DELETE", "/api/auth/me"),
                                 ("POST", "/api/auth/logout-all"),
                                 ("POST", "/api/auth/register")):
                with self.subTest(method=method, path=path):
                    r = client.request(method, path, raw="{}")
                    self.assertEqual(r.status, 429, r)
                    self.assertIn(b'"code":"rate_limited"', r.data)
            # The handler's own answer, not nginx's 429: no token.
            for method in ("GET", "HEAD"):
                with self.subTest(method=method):
                    self.assertEqual(client.request(method, "/api/auth/me").status, 401)
        finally:
            s.stop()
