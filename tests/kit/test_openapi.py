"""Unit tests of tests/kit/openapi.py, and of docs/openapi.yaml against the route table and the
error codes in the code: each kind of wrong answer is refused, and the right ones pass."""
import glob
import json
import os
import re
import unittest

from tests.kit.openapi import REPO, Contract, ecma_to_python

JSON = {"Content-Type": "application/json; charset=utf-8"}
JOB_ID = "cac873a7-8a93-45e2-9933-1dfb52317322"
ZIP_NAME = "blue_sword-%s.zip" % JOB_ID
T = "2026-11-30T20:50:13Z"


def body(value):
    return json.dumps(value).encode()


def job(**changes):
    """A completed job as GET /api/status answers it."""
    j = {"job_id": JOB_ID, "session_id": 1, "prompt": "a glowing blue sword",
         "status": "completed", "progress": 100, "created_at": T, "updated_at": T,
         "aiDecisions": {"itemName": "Blue Sword", "modName": "Blue Sword Mod",
                         "modId": "blue_sword", "description": "Adds Blue Sword.",
                         "kind": "sword", "colours": ["#325adc", "#733f71"]},
         "images": [{"index": 0, "url": "/api/jobs/%s/images/0" % JOB_ID}],
         "selected_image": 0,
         "result": {"download_url": "/downloads/" + ZIP_NAME, "filename": ZIP_NAME,
                    "size": 3989},
         "logs": [{"time": T, "message": "Queued"}], "error": None,
         "started_at": "2026-11-30T19:52:12.345Z", "finished_at": "2026-11-30T19:52:14.002Z"}
    j.update(changes)
    return {"success": True, "job": j}


LOGIN = {"success": True, "message": "Login successful",
         "session": {"id": 1, "token": "0b6c1f1e-3f1a-4c55-9d0e-6a8f1c2b7e41", "name": None,
                     "created_at": T},
         "user": {"id": 1, "username": "testuser", "email": "test@example.com",
                  "email_verified": False}}
NOT_FOUND = {"success": False, "error": "Not found", "code": "not_found"}
TOKEN_MISSING = {"success": False, "valid": False, "error": "Authentication required",
                 "code": "missing_token"}


class ContractTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.contract = Contract()

    def allowed(self, method, target, status, headers, data):
        self.contract.check(method, target, status, headers, data)

    def refused(self, method, target, status, headers, data, *fragments):
        """check() raises AssertionError, and its message names each fragment."""
        with self.assertRaises(AssertionError) as caught:
            self.contract.check(method, target, status, headers, data)
        for f in fragments:
            self.assertIn(f, str(caught.exception))

    # ---- right answers pass ----------------------------------------------------------------
    def test_right_answers_pass(self):
        self.allowed("POST", "/api/auth/login", 200, JSON, body(LOGIN))
        self.allowed("get", "/api/status/" + JOB_ID, 200, JSON, body(job()))
        self.allowed("GET", "/api/auth/me", 401,
                     dict(JSON, **{"WWW-Authenticate": "Bearer"}), body(TOKEN_MISSING))
        self.allowed("GET", "/downloads/" + ZIP_NAME, 200,
                     {"Content-Type": "application/zip",
                      "Content-Disposition": 'attachment; filename="%s"' % ZIP_NAME},
                     b"PK\x03\x04rest")
        self.allowed("GET", "/api/jobs/%s/images/0" % JOB_ID, 304, {}, b"")
        # Header names and the media type's spelling do not matter.
        self.allowed("POST", "/api/auth/login", 200,
                     [("content-type", "application/json;charset=UTF-8")], body(LOGIN))

    def test_counters_of_passed_answers(self):
        c = Contract()
        c.check("POST", "/api/auth/login", 200, JSON, body(LOGIN))
        with self.assertRaises(AssertionError):
            c.check("POST", "/api/auth/login", 200, JSON, b"{}")
        self.assertEqual(c.checked, 1)
        self.assertEqual(dict(c.seen), {("POST /api/auth/login (login)", 200): 1})

    # ---- a wrong body ----------------------------------------------------------------------
    def test_wrong_body(self):
        wrong = dict(LOGIN, user=dict(LOGIN["user"], id=0))
        self.refused("POST", "/api/auth/login", 200, JSON, body(wrong), "user.id", "minimum")
        missing = {k: v for k, v in LOGIN.items() if k != "session"}
        self.refused("POST", "/api/auth/login", 200, JSON, body(missing), "session")
        extra = dict(LOGIN, password_hash="$2b$12$x")
        self.refused("POST", "/api/auth/login", 200, JSON, body(extra), "password_hash")
        typed = dict(LOGIN, session=dict(LOGIN["session"], id="1"))
        self.refused("POST", "/api/auth/login", 200, JSON, body(typed), "session.id")
        self.refused("POST", "/api/auth/login", 200, JSON, body(dict(LOGIN, success=False)),
                     "success")

    def test_wrong_formats_and_patterns(self):
        for field, value in (("created_at", "2026-11-30 20:50:13"),
                             ("created_at", "2026-02-30T20:50:13Z"),
                             ("created_at", "2026-11-30T20:50:13.5Z"),
                             ("token", "0B6C1F1E-3F1A-4C55-9D0E-6A8F1C2B7E41"),
                             ("name", " padded "), ("name", "")):
            with self.subTest(field=field, value=value):
                wrong = dict(LOGIN, session=dict(LOGIN["session"], **{field: value}))
                self.refused("POST", "/api/auth/login", 200, JSON, body(wrong),
                             "session." + field)
        # "$" is the end of the text, as in ECMA-262, even before a final newline.
        wrong = dict(LOGIN, user=dict(LOGIN["user"], username="testuser\n"))
        self.refused("POST", "/api/auth/login", 200, JSON, body(wrong), "user.username")

    def test_error_bodies(self):
        # A code the answer does not have, verify's `valid` on another error, no sentence.
        for wrong in (dict(NOT_FOUND, code="session_not_found"), dict(NOT_FOUND, valid=False),
                      dict(NOT_FOUND, error=""), {"success": False, "code": "not_found"}):
            with self.subTest(body=wrong):
                self.refused("GET", "/api/sessions/7", 404, JSON, body(wrong))
        no_valid = {k: v for k, v in TOKEN_MISSING.items() if k != "valid"}
        self.refused("GET", "/api/auth/me", 401, dict(JSON, **{"WWW-Authenticate": "Bearer"}),
                     body(no_valid), "valid")

    def test_job_states_hold_together(self):
        self.refused("GET", "/api/status/" + JOB_ID, 200, JSON, body(job(progress=40)),
                     "job.progress")
        self.refused("GET", "/api/status/" + JOB_ID, 200, JSON, body(job(error="boom")),
                     "job.error")
        self.refused("GET", "/api/status/" + JOB_ID, 200, JSON,
                     body(job(status="failed", progress=80)), "job.error")
        self.refused("GET", "/api/status/" + JOB_ID, 200, JSON,
                     body(job(images=[], selected_image=0, status="queued", progress=0)),
                     "job.selected_image")
        self.refused("GET", "/api/status/" + JOB_ID, 200, JSON,
                     body(job(status="generating", progress=40, result=None, finished_at=None,
                              started_at=None)), "job.started_at")
        self.allowed("GET", "/api/status/" + JOB_ID, 200, JSON,
                     body(job(status="queued", progress=0, aiDecisions=None, images=[],
                              selected_image=None, result=None, started_at=None,
                              finished_at=None)))

    def test_body_that_is_not_json(self):
        for data in (b"", b"{", b'{"success": NaN}', b'{"success": true, "success": true}',
                     b"\xff{}"):
            with self.subTest(data=data):
                self.refused("GET", "/api/auth/verify", 404, JSON, data)

    # ---- a wrong status --------------------------------------------------------------------
    def test_wrong_status(self):
        self.refused("POST", "/api/auth/login", 201, JSON, body(LOGIN), "status 201",
                     "POST /api/auth/login (login)")
        error = {"success": False, "error": "Internal server error", "code": "internal_error"}
        self.refused("GET", "/api/auth/verify", 500, JSON, body(error), "status 500")
        # A 404 where the path has no object to miss.
        self.refused("GET", "/api/auth/verify", 404, JSON, body(NOT_FOUND), "status 404")

    # ---- paths and methods -----------------------------------------------------------------
    def test_undocumented_path(self):
        self.refused("GET", "/api/nope", 200, JSON, body({"success": True}),
                     "unknown path", "status 200", "described: 400, 404")
        self.refused("GET", "/api/sessions/1/x", 200, JSON, body({"success": True}),
                     "unknown path")
        # What an unknown path does answer.
        self.allowed("GET", "/api/nope", 404, JSON, body(NOT_FOUND))
        self.allowed("GET", "/api/sessions/", 404, JSON, body(NOT_FOUND))

    def test_templates_match_like_the_router(self):
        c = self.contract
        self.assertEqual(c.path_item("/api/sessions/current/jobs")[0],
                         "/api/sessions/current/jobs")
        self.assertEqual(c.path_item("/api/sessions/12")[0], "/api/sessions/{id}")
        self.assertEqual(c.path_item("/api/sessions/new")[0], "/api/sessions/new")
        self.assertEqual(c.path_item("/api/sessions/new/resume")[0], "/api/sessions/{id}/resume")
        self.assertEqual(c.path_item("/api/sessions//resume"), (None, None))
        self.assertEqual(c.path_item("/api/auth/verify/"), (None, None))
        # The query is not part of the path.
        self.allowed("GET", "/api/sessions?limit=1", 401,
                     dict(JSON, **{"WWW-Authenticate": "Bearer"}), body(TOKEN_MISSING))

    def test_other_methods(self):
        refused = {"success": False, "error": "Method PUT is not allowed here",
                   "code": "method_not_allowed"}
        self.allowed("PUT", "/api/auth/me", 405, dict(JSON, Allow="GET, HEAD, PATCH, DELETE"),
                     body(refused))
        self.refused("PUT", "/api/auth/me", 405, JSON, body(refused), "Allow")
        self.refused("PUT", "/api/auth/me", 200, JSON, body({"success": True}),
                     "x-other-methods")
        # The page's files: nginx's 405 names the methods it sends them for.
        static = body(dict(refused, error="Method not allowed"))
        self.allowed("POST", "/", 405, dict(JSON, Allow="GET, HEAD"), static)
        self.refused("POST", "/", 405, JSON, static, "Allow")

    def test_head(self):
        page = {"Content-Type": "text/html; charset=utf-8"}
        self.allowed("HEAD", "/", 200, page, b"")
        self.refused("HEAD", "/", 200, page, b"<html>", "no body")
        self.refused("HEAD", "/", 200, JSON, b"", "Content-Type")
        # An API path's HEAD is its GET without the body.
        self.allowed("HEAD", "/api/auth/verify", 200, JSON, b"")
        self.refused("HEAD", "/api/auth/verify", 200, JSON, body({"success": True}), "no body")
        self.refused("HEAD", "/api/auth/verify", 405, dict(JSON, Allow="GET, HEAD"), b"",
                     "not described")

    # ---- content types and headers ---------------------------------------------------------
    def test_wrong_content_type(self):
        for ctype in ("text/plain", "application/json", "application/json; charset=latin1",
                      "text/html; charset=utf-8"):
            with self.subTest(ctype=ctype):
                self.refused("POST", "/api/auth/login", 200, {"Content-Type": ctype},
                             body(LOGIN), "Content-Type")
        self.refused("POST", "/api/auth/login", 200, {}, body(LOGIN), "Content-Type")
        self.refused("GET", "/api/jobs/%s/images/0" % JOB_ID, 200, JSON, b"{}", "Content-Type")
        self.refused("GET", "/", 200, {"Content-Type": "application/json; charset=utf-8"},
                     b"{}", "Content-Type")

    def test_binary_bodies(self):
        image = "/api/jobs/%s/images/3" % JOB_ID
        self.allowed("GET", image, 200, {"Content-Type": "image/png"}, b"\x89PNG\r\n\x1a\nIHDR")
        self.refused("GET", image, 200, {"Content-Type": "image/png"}, b"GIF89a", "image/png")
        self.refused("GET", image, 304, {}, b"\x89PNG\r\n\x1a\n", "no body")

    def test_headers_that_matter(self):
        zip_headers = {"Content-Type": "application/zip",
                       "Content-Disposition": 'attachment; filename="%s"' % ZIP_NAME}
        download = "/downloads/" + ZIP_NAME
        self.refused("GET", download, 200, {"Content-Type": "application/zip"}, b"PK\x03\x04",
                     "Content-Disposition")
        self.refused("GET", download, 200, dict(zip_headers, **{"X-Accel-Redirect": "/_files/1"}),
                     b"PK\x03\x04", "X-Accel-Redirect")
        self.refused("GET", "/api/auth/me", 401, JSON, body(TOKEN_MISSING), "WWW-Authenticate")
        limited = {"success": False, "error": "Too many requests", "code": "rate_limited"}
        self.allowed("GET", "/api/auth/me", 429, dict(JSON, **{"Retry-After": "1"}),
                     body(limited))
        self.refused("GET", "/api/auth/me", 429, JSON, body(limited), "Retry-After")
        self.refused("GET", "/api/auth/me", 429, dict(JSON, **{"Retry-After": "0"}),
                     body(limited), "Retry-After")
        self.refused("GET", "/api/auth/me", 429,
                     list(JSON.items()) + [("Retry-After", "1"), ("Retry-After", "1")],
                     body(limited), "2 times")

    # ---- the validator's own rules ---------------------------------------------------------
    def test_ecma_patterns(self):
        self.assertEqual(ecma_to_python(r"^\d{2}$"), r"^[0-9]{2}\Z")
        self.assertEqual(ecma_to_python(r"^[\d$]\$$"), r"^[0-9$]\$\Z")
        self.assertIsNone(re.search(ecma_to_python(r"^\d$"), "\u0663"))   # an Arabic-Indic 3

    def test_formats_must_be_known(self):
        path = os.path.join(self.tmp_dir(), "openapi.yaml")
        with open(path, "w") as f:
            f.write("openapi: 3.1.0\npaths: {}\ncomponents:\n  schemas:\n"
                    "    X: {type: string, format: date-tim}\n")
        with self.assertRaisesRegex(ValueError, "date-tim"):
            Contract(path)

    def tmp_dir(self):
        import tempfile
        d = tempfile.TemporaryDirectory()
        self.addCleanup(d.cleanup)
        return d.name


class DescriptionMatchesCodeTest(unittest.TestCase):
    """docs/openapi.yaml and the code name the same routes and the same error codes."""

    @classmethod
    def setUpClass(cls):
        cls.contract = Contract()

    def sources(self, pattern):
        text = ""
        for path in sorted(glob.glob(os.path.join(REPO, pattern))):
            with open(path, encoding="utf-8") as f:
                text += f.read()
        return text

    def test_every_route_is_described_and_nothing_more(self):
        routes = set(re.findall(r'rt\.add \("([A-Z]+)", "([^"]+)"',
                                self.sources("src/api/*_handlers.cpp")))
        self.assertGreater(len(routes), 20)
        described = {(m.upper(), p) for p, item in self.contract.document["paths"].items()
                     for m in item if not m.startswith("x-") and m != "parameters"
                     if p.startswith(("/api/", "/downloads/")) or p == "/metrics"}
        self.assertEqual(described, routes)

    def test_every_error_code_is_described(self):
        # The protocol's refusals (http_error with a status), the services' (domain_error with
        # a kind, or a throttle's or a quota's code).
        code = set(re.findall(r'(?:http_error (?:[a-z_]+ )?\(\d+, |domain_error (?:[a-z_]+ )?'
                              r'\(error_kind::[a-z_]+, |(?:throttled|quota_exceeded) \()'
                              r'"([a-z_]+)"',
                              self.sources("src/*/*.cpp")))
        nginx = set(re.findall(r'"code":"([a-z_]+)"',
                               self.sources("conf/nginx/modforge-locations.conf")))
        self.assertIn("validation_error", code)
        self.assertIn("rate_limited", nginx)
        described = set(self.contract.resolve(
            self.contract.document["components"]["schemas"]["ErrorCode"])["enum"])
        # Never an answer: a 500 is a bug (nginx's 500 page is there all the same).
        never = {"internal_error"}
        token = {"missing_token", "invalid_session"}   # TokenError's, with "valid": false
        self.assertEqual(described | never | token, code | nginx)


if __name__ == "__main__":
    unittest.main()
