"""e2e: per-user quotas — jobs in flight, jobs a day, sessions, live tokens — with their codes and
Retry-After, also under requests in parallel. On a stack of its own with small quotas and no
worker, so that a queued job stays in flight until the test ends it."""

from tests.e2e.api_test_case import ApiTestCase
from tests.kit import suite_stack
from tests.kit.api import api, generate, new_user, sha256_hex
from tests.kit.parallel import in_parallel
from tests.kit.prometheus import parse
from tests.kit.suite_stack import TEST_ENV, make_stack, psql, run_dir_name

IN_FLIGHT = 3
PER_DAY = 6
SESSIONS = 4
TOKENS = 3
IN_FLIGHT_RETRY = 5

ENV = dict(TEST_ENV, **{
    "MODFORGE_QUOTAS_JOBS_IN_FLIGHT": str(IN_FLIGHT),
    "MODFORGE_QUOTAS_JOBS_PER_DAY": str(PER_DAY),
    "MODFORGE_QUOTAS_SESSIONS": str(SESSIONS),
    "MODFORGE_QUOTAS_TOKENS": str(TOKENS),
})

_own = None


def setUpModule():
    global _own
    _own = make_stack(run_dir_name("quotas"), handlers=2, workers=0, env=ENV)
    _own.start()
    suite_stack.use(_own)


def tearDownModule():
    suite_stack.use(None)
    if _own is not None:
        _own.stop()


def finish(job_id, decisions=True):
    """Ends a queued job as a worker would have: completed, with four images."""
    psql("UPDATE jobs SET status = 'completed', progress = 100, images_ready = 4, "
         "spec = %s, result = '{\"filename\": \"x_mod-%s.zip\", \"size\": 1}' "
         "WHERE job_id = '%s'"
         % ("'{\"itemName\": \"X\", \"modName\": \"X Mod\"}'" if decisions else "NULL",
            job_id, job_id))


class QuotaCase(ApiTestCase):

    def assertQuota(self, r, code, retry_after=None):
        self.assertError(r, 429, code)
        if retry_after is None:
            self.assertNotIn("Retry-After", r.headers)
        else:
            self.assertEqual(int(r.headers.get("Retry-After", "0")), retry_after, r.headers)


class JobsInFlightTest(QuotaCase):

    def test_a_job_beyond_the_quota_waits_for_one_to_end(self):
        u, other = new_user(), new_user()
        jobs = [self.assertOk(generate(u, "a sword %d" % i), 202)["job_id"]
                for i in range(IN_FLIGHT)]
        self.assertQuota(generate(u), "too_many_jobs", IN_FLIGHT_RETRY)
        self.assertEqual(psql("SELECT count(*) FROM jobs WHERE user_id = %d" % u.id),
                         str(IN_FLIGHT))
        # Another user is not held back by this one's quota.
        self.assertOk(generate(other), 202)
        # One ends: room for one more; queueing one of them again takes room like a new one.
        finish(jobs[0])
        self.assertOk(generate(u, "one more"), 202)
        for path, body in (("select-image", {"index": 1}), ("regenerate-images", {})):
            with self.subTest(path=path):
                r = u.api("POST", "/api/jobs/%s/%s" % (jobs[0], path), body)
                self.assertQuota(r, "too_many_jobs", IN_FLIGHT_RETRY)
        finish(jobs[1])
        self.assertOk(u.api("POST", "/api/jobs/%s/select-image" % jobs[0], {"index": 1}), 202)
        self.assertQuota(generate(u), "too_many_jobs", IN_FLIGHT_RETRY)

    def test_parallel_jobs_never_exceed_the_quota(self):
        u = new_user()
        before = parse(api("GET", "/metrics").text)
        replies = in_parallel([lambda i=i: generate(u, "a parallel axe %d" % i)
                               for i in range(20)])
        self.assertEqual(sorted(r.status for r in replies),
                         [202] * IN_FLIGHT + [429] * (20 - IN_FLIGHT))
        # /metrics counts every refusal by its quota.
        after = parse(api("GET", "/metrics").text)
        labels = {"limit": "jobs_in_flight"}
        self.assertEqual(after.value("modforge_throttled_total", **labels) -
                         before.value("modforge_throttled_total", **labels), 20 - IN_FLIGHT)
        self.assertEqual(psql("SELECT count(*) FROM jobs WHERE user_id = %d" % u.id),
                         str(IN_FLIGHT))
        self.assertEqual(psql("SELECT queued, running, day_jobs FROM user_queues "
                              "WHERE user_id = %d" % u.id), "%d|0|%d" % (IN_FLIGHT, IN_FLIGHT))


class JobsPerDayTest(QuotaCase):

    def test_a_day_of_jobs_then_wait_for_the_day_to_end(self):
        u = new_user()
        first = None
        for i in range(PER_DAY):
            j = self.assertOk(generate(u, "a bow %d" % i), 202)["job_id"]
            first = first or j
            finish(j)
        r = generate(u)
        self.assertError(r, 429, "daily_job_limit")
        wait = int(r.headers["Retry-After"])
        self.assertTrue(86400 - 120 < wait <= 86400, wait)
        self.assertIn("%d seconds" % wait, r.json["error"])
        # Queueing a finished job again counts as a job of the day too.
        r = u.api("POST", "/api/jobs/%s/regenerate-images" % first, {})
        self.assertError(r, 429, "daily_job_limit")
        # The day started 23 hours ago: an hour is left.
        psql("UPDATE user_queues SET day_started_at = now() - interval '23 hours' "
             "WHERE user_id = %d" % u.id)
        r = generate(u)
        self.assertError(r, 429, "daily_job_limit")
        self.assertTrue(3600 - 120 < int(r.headers["Retry-After"]) <= 3600, r.headers)
        # Then it ends: a new day.
        psql("UPDATE user_queues SET day_started_at = now() - interval '24 hours' "
             "WHERE user_id = %d" % u.id)
        self.assertOk(generate(u), 202)
        self.assertEqual(psql("SELECT day_jobs FROM user_queues WHERE user_id = %d" % u.id), "1")


class SessionQuotaTest(QuotaCase):

    def new_session(self, u):
        return api("POST", "/api/sessions/new", {}, token=u.token)

    def test_sessions_up_to_the_quota(self):
        u = new_user()
        ids = [self.assertOk(self.new_session(u), 201)["session"]["id"]
               for _ in range(SESSIONS - 1)]
        self.assertQuota(self.new_session(u), "session_limit")
        r = api("POST", "/api/auth/login", {"username": u.username, "password": u.password,
                                            "new_session": True})
        self.assertQuota(r, "session_limit")
        # Logging in to the most recent session makes none: still fine. Its token is the one
        # used from here on: with TOKENS live tokens at most, the new sessions' tokens and this
        # login have revoked the first login's.
        token = self.assertOk(api("POST", "/api/auth/login",
                                  {"username": u.username, "password": u.password}))
        u.token = token["session"]["token"]
        self.assertOk(api("DELETE", "/api/sessions/%d" % ids[0], token=u.token))
        self.assertOk(self.new_session(u), 201)
        self.assertEqual(psql("SELECT count(*) FROM sessions WHERE user_id = %d" % u.id),
                         str(SESSIONS))

    def test_parallel_sessions_never_exceed_the_quota(self):
        u = new_user()
        replies = in_parallel([lambda: self.new_session(u)] * 12)
        self.assertEqual(sorted(r.status for r in replies),
                         [201] * (SESSIONS - 1) + [429] * (12 - SESSIONS + 1))
        self.assertEqual(psql("SELECT count(*) FROM sessions WHERE user_id = %d" % u.id),
                         str(SESSIONS))


class TokenQuotaTest(QuotaCase):

    def live(self, u):
        return set(psql("SELECT token_hash FROM session_tokens WHERE user_id = %d"
                        % u.id).split())

    def test_a_new_login_revokes_the_least_recently_used_token(self):
        u = new_user()
        second, _ = u.login()
        third, _ = u.login()
        # Used most recently, least recently, in between.
        for token, age in ((u.token, 10), (second, 300), (third, 100)):
            psql("UPDATE session_tokens SET last_used_at = now() - interval '%d seconds' "
                 "WHERE token_hash = '%s'" % (age, sha256_hex(token)))
        fourth, _ = u.login()
        self.assertEqual(self.live(u), {sha256_hex(t) for t in (u.token, third, fourth)})
        self.assertInvalidToken(second)
        # A new session and a resume issue tokens too, under the same quota.
        self.assertOk(api("POST", "/api/sessions/new", {}, token=u.token), 201)
        self.assertEqual(len(self.live(u)), TOKENS)
        self.assertOk(api("POST", "/api/sessions/%d/resume" % u.session_id, token=u.token), 201)
        self.assertEqual(len(self.live(u)), TOKENS)
        self.assertValidToken(u.token)

    def test_parallel_logins_keep_the_quota(self):
        u = new_user()
        replies = in_parallel([lambda: api("POST", "/api/auth/login",
                                           {"username": u.username, "password": u.password})]
                              * 10)
        self.assertEqual({r.status for r in replies}, {200})
        self.assertEqual(len(self.live(u)), TOKENS)
