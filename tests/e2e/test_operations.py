"""e2e: what operators and their tools use: GET /api/health, GET /metrics (a strict parse and
promtool's, counters that move by exactly what was done across both handlers, the database's
gauges, loopback only), the request id on every answer, and journal priorities."""
import os
import re
import signal
import subprocess
import tempfile
import time

from tests.e2e.api_test_case import ApiTestCase
from tests.kit import promtool
from tests.kit.api import CLIENT, api, generate, login_reply, new_user, wait_for_job
from tests.kit.prometheus import parse
from tests.kit.suite_stack import bin_dir, psql, stack
# Run here too: the parser's own tests, so that a scrape it passes means something.
from tests.kit.test_prometheus import PrometheusFormatTest  # noqa: F401
from tests.kit.waits import wait_until

REQUEST_ID = re.compile(r"^[0-9a-f]{32}$")
CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8"


def scrape():
    r = api("GET", "/metrics")
    assert r.status == 200, r
    return r


def program(name):
    return os.path.join(bin_dir() or os.path.join("build", "bin"), name)


class HealthTest(ApiTestCase):

    def test_health_reads_the_schema_version(self):
        r = api("GET", "/api/health")
        self.assertEqual(r.status, 200, r)
        version = int(psql("SELECT version FROM schema_version WHERE name = ''"))
        self.assertEqual(r.json, {"success": True, "status": "ok", "database": "ok",
                                  "schema_version": version})
        self.assertEqual(r.headers["Cache-Control"], "no-store")

    def test_health_needs_no_token_and_ignores_one(self):
        self.assertEqual(api("GET", "/api/health", token="not-a-token").status, 200)
        r = api("POST", "/api/health", {})
        self.assertError(r, 405, "method_not_allowed")
        self.assertEqual(r.headers["Allow"], "GET, HEAD")


class MetricsTest(ApiTestCase):

    def test_the_page_passes_a_strict_parse_and_promtool(self):
        r = scrape()
        self.assertEqual(r.headers["Content-Type"], CONTENT_TYPE)
        page = parse(r.text)
        for name, kind in (("modforge_http_requests_total", "counter"),
                           ("modforge_http_request_duration_seconds", "histogram"),
                           ("modforge_jobs", "gauge"),
                           ("modforge_oldest_queued_job_age_seconds", "gauge"),
                           ("modforge_job_duration_seconds", "histogram"),
                           ("modforge_logins_total", "counter"),
                           ("modforge_throttled_total", "counter"),
                           ("modforge_mail_outbox", "gauge"),
                           ("modforge_database_up", "gauge")):
            with self.subTest(name):
                self.assertIn(name, page.families)
                self.assertEqual(page.families[name].type, kind)
                self.assertTrue(page.families[name].help)
        status, said = promtool.check_metrics(r.text)
        self.assertEqual((status, said), (0, ""), "promtool check metrics")
        self.assertEqual(page.value("modforge_database_up"), 1)

    def test_the_outbox_by_state_is_the_tables(self):
        new_user()      # its address's verification mail goes through the outbox
        self.assertTrue(wait_until(lambda: psql(
            "SELECT count(*) FROM mail_outbox WHERE state IN ('queued', 'sending')") == "0", 30),
            "the outbox did not drain")
        page = parse(scrape().text)
        rows = psql("SELECT state, count(*) FROM mail_outbox GROUP BY state")
        table = {state: int(n) for state, n in (line.split("|") for line in rows.splitlines())}
        self.assertGreater(table.get("sent", 0), 0)
        for state in ("queued", "sending", "sent", "failed"):
            self.assertEqual(page.value("modforge_mail_outbox", state=state),
                             table.get(state, 0), state)

    def test_a_request_counts_once_in_whichever_handler_served_it(self):
        handlers = sorted(stack().handler_pids())
        self.assertEqual(len(handlers), 2)
        series = {"route": "/api/auth/verify", "status": "401"}
        before = parse(scrape().text)
        # Each handler alone serves 3 (the other is stopped), so both add to the counts.
        for served, stopped in ((handlers[0], handlers[1]), (handlers[1], handlers[0])):
            os.kill(stopped, signal.SIGSTOP)
            try:
                for _ in range(3):
                    self.assertEqual(api("GET", "/api/auth/verify").status, 401)
            finally:
                os.kill(stopped, signal.SIGCONT)
        api("GET", "/api/no/such/thing")
        after = parse(scrape().text)
        self.assertEqual(after.value("modforge_http_requests_total", **series) -
                         (before.value("modforge_http_requests_total", **series) or 0), 6)
        route = {"route": "/api/auth/verify"}
        for part in ("_count", "_bucket"):
            labels = dict(route, le="+Inf") if part == "_bucket" else route
            self.assertEqual(
                after.value("modforge_http_request_duration_seconds" + part, **labels) -
                before.value("modforge_http_request_duration_seconds" + part, **labels), 6)
        # A path no pattern matches counts under one label, never as itself.
        unmatched = {"route": "unmatched", "status": "404"}
        self.assertEqual(after.value("modforge_http_requests_total", **unmatched) -
                         (before.value("modforge_http_requests_total", **unmatched) or 0), 1)
        self.assertNotIn("/api/no/such/thing", scrape().text)

    def test_logins_by_outcome(self):
        u = new_user()
        before = parse(scrape().text)
        self.assertEqual(login_reply(u.username, "wrong password").status, 401)
        u.login()
        u.login()
        after = parse(scrape().text)
        for outcome, n in (("ok", 2), ("invalid_credentials", 1), ("throttled", 0)):
            with self.subTest(outcome):
                self.assertEqual(after.value("modforge_logins_total", outcome=outcome) -
                                 before.value("modforge_logins_total", outcome=outcome), n)

    def test_job_gauges_and_durations(self):
        u = new_user()
        done = {"task": "generate", "outcome": "completed"}
        before = parse(scrape().text).value("modforge_job_duration_seconds_count", **done)
        job = generate(u).json["job_id"]
        j = wait_for_job(u, job)
        self.assertEqual(j["status"], "completed", j)
        # The worker counts the job after it is marked completed.
        self.assertTrue(wait_until(lambda: parse(scrape().text).value(
            "modforge_job_duration_seconds_count", **done) == before + 1, 5))
        page = parse(scrape().text)
        counts = dict(line.split("|") for line in
                      psql("SELECT status, count(*) FROM jobs GROUP BY status").splitlines())
        for status in ("queued", "analyzing", "generating", "packaging", "completed", "failed"):
            with self.subTest(status):
                self.assertEqual(page.value("modforge_jobs", status=status),
                                 int(counts.get(status, 0)))
        self.assertGreaterEqual(page.value("modforge_oldest_queued_job_age_seconds"), 0)

    def test_only_loopback_may_scrape(self):
        r = api("GET", "/metrics")
        self.assertEqual(r.status, 200)
        r = CLIENT.request("GET", "/metrics", source="127.0.0.2")
        self.assertError(r, 403, "forbidden")


class RequestIdTest(ApiTestCase):

    def test_every_answer_carries_an_id(self):
        ids = set()
        for method, path in (("GET", "/api/health"), ("GET", "/api/auth/verify"),
                             ("GET", "/index.htm"), ("GET", "/metrics"), ("GET", "/")):
            r = api(method, path)
            with self.subTest(path):
                self.assertRegex(r.headers.get("X-Request-Id", ""), REQUEST_ID, r)
                ids.add(r.headers["X-Request-Id"])
        self.assertEqual(len(ids), 5, "each request has an id of its own")

    def test_the_id_is_in_the_access_log(self):
        r = api("GET", "/api/health")
        rid = r.headers["X-Request-Id"]
        log = stack().log("nginx-access.log")
        self.assertTrue(wait_until(lambda: any(
            '"GET /api/health HTTP/1.1" 200' in line and "id=" + rid in line
            for line in open(log, errors="replace")), 5), rid)


class JournalTest(ApiTestCase):
    """A daemon writes "<3>" before an error line when its stderr is the journal's stream, and
    the plain form (time, level) when it is not."""

    def run_failing(self, journal):
        with tempfile.TemporaryFile() as err:
            st = os.fstat(err.fileno())
            env = dict(os.environ, MODFORGE_CONFIG="/nonexistent/modforge.conf")
            env.pop("JOURNAL_STREAM", None)
            if journal:
                env["JOURNAL_STREAM"] = "%d:%d" % (st.st_dev, st.st_ino)
            else:
                env["JOURNAL_STREAM"] = "%d:%d" % (st.st_dev, st.st_ino + 1)
            status = subprocess.run([program("modforge-worker")], env=env, stderr=err,
                                    stdin=subprocess.DEVNULL, timeout=30).returncode
            err.seek(0)
            return status, err.read().decode()

    def test_priorities_in_the_journal(self):
        status, text = self.run_failing(journal=True)
        self.assertEqual(status, 1)
        self.assertRegex(text, r"^<3>modforge-worker\[\d+\]: configuration: cannot read "
                               r"/nonexistent/modforge.conf\n$")

    def test_plain_lines_elsewhere(self):
        status, text = self.run_failing(journal=False)
        self.assertEqual(status, 1)
        self.assertRegex(text, r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ modforge-worker\[\d+\] error: "
                               r"configuration: cannot read /nonexistent/modforge.conf\n$")


class CheckConfigTest(ApiTestCase):
    """modforge-admin check-config: 0 for a configuration the programs would start with, else
    8 and a line naming what is wrong; it never connects."""

    def check(self, text=None, **env):
        with tempfile.NamedTemporaryFile("w", suffix=".conf") as f:
            f.write(text or "")
            f.flush()
            e = {k: v for k, v in os.environ.items() if not k.startswith("MODFORGE_")}
            e.update({"MODFORGE_CONFIG": f.name, "MODFORGE_DATABASE_HOST": "/nonexistent"})
            e.update(env)
            r = subprocess.run([program("modforge-admin"), "check-config"], env=e,
                               capture_output=True, text=True, timeout=30)
            return r.returncode, (r.stdout + r.stderr).strip(), f.name

    def test_a_valid_configuration(self):
        status, said, name = self.check("[database]\nport = 5433\n[jobs]\nimage_count = 2\n")
        self.assertEqual((status, said), (0, "the configuration is valid (%s)" % name))

    def test_what_is_wrong_is_named(self):
        for text, env, words in (
                ("[database]\nport = 0\n", {}, "database.port must be an integer from 1 to 65535"),
                ("[database]\nprot = 1\n", {}, "unknown key database.prot"),
                ("", {"MODFORGE_THROTTLE_MAX_DELAY": "1"}, "throttle.max_delay must be at least"),
                ("[security]\ntrusted_proxies = 10.0.0.0/33\n", {},
                 "security.trusted_proxies: '10.0.0.0/33'"),
                ("[database]\npassword_file = /nonexistent/pw\n", {},
                 "database.password_file: cannot read /nonexistent/pw"),
                ("[database\n", {}, ":1: expected [section]")):
            with self.subTest(words):
                status, said, _ = self.check(text, **env)
                self.assertEqual(status, 8, said)
                self.assertIn(words, said)
                self.assertTrue(said.startswith("modforge-admin: "), said)


class OperationsDocTest(ApiTestCase):
    """The scrape configuration and the alert rules that docs/operations.md gives, through
    promtool, and each rule's metric on the page."""

    def yaml_blocks(self):
        path = os.path.join(os.path.dirname(__file__), "..", "..", "docs", "operations.md")
        with open(path, encoding="utf-8") as f:
            return re.findall(r"```yaml\n(.*?)```", f.read(), re.S)

    def test_scrape_configuration(self):
        blocks = [b for b in self.yaml_blocks() if b.startswith("scrape_configs:")]
        self.assertEqual(len(blocks), 1)
        status, said = promtool.check_config(blocks[0])
        self.assertEqual(status, 0, said)

    def test_alert_rules(self):
        blocks = [b for b in self.yaml_blocks() if b.startswith("groups:")]
        self.assertEqual(len(blocks), 1)
        status, said = promtool.check_rules(blocks[0])
        self.assertEqual(status, 0, said)
        self.assertIn("SUCCESS: 3 rules found", said)
        page = parse(scrape().text)
        for metric in re.findall(r"\b(modforge_[a-z_]+)", blocks[0]):
            self.assertIn(metric, page.families, "a rule reads a metric the page does not have")
