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

    def assertHeaders(self, r, cache="no-store", retry_after=None, csp=None):
        """Each security header exactly once with its value, the Cache-Control for the kind of
        answer, and a Server header without a version."""
        headers = r.headers if hasattr(r, "headers") else r[1]
        expected = dict(SECURITY_HEADERS, **{"Cache-Control": cache})
        if csp:
            expected["Content-Security-Policy"] = csp
        for name, value in expected.items():
            self.assertEqual(headers.get_all(name), [value], "%s in %s" % (name, headers))
        self.assertEqual(headers.get_all("Server"), ["nginx"], headers)
        self.assertEqual(headers.get_all("Retry-After"), retry_after and [retry_after], headers)
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
        for r, status, code in ((api("GET", "/api/auth/me"), 401, "missing_token"),
                                (api("GET", "/api/auth/me", token="x"), 401, "invalid_session"),
                                (api("POST", "/api/auth/login", raw="{"), 400, "invalid_json"),
                                (api("GET", "/api/nope"), 404, "not_found"),
                                (api("PUT", "/api/auth/me"), 405, "method_not_allowed"),
                                (u.api("GET", "/downloads/x-%s.zip" % u.token), 404, "not_found")):
            with self.subTest(status=status, code=code):
                self.assertError(r, status, code)
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
        finally:
            s.stop()
