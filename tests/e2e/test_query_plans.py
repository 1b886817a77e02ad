"""The hot lookups use their indexes, as the handlers really run them.

A CHAR(64) column compared with a TEXT parameter (libodb-pgsql binds strings as TEXT) cannot use
its index: PostgreSQL then reads the whole table for every request, and nothing else breaks.
So these tests count, in PostgreSQL's own statistics, the index scans and sequential scans that
real requests cause, on tables big enough (and analysed) that a planner free to use the index
always would.
"""
import time
import uuid

from tests.e2e.api_test_case import ApiTestCase
from tests.kit.api import generate, new_user, wait_for_job
from tests.kit.suite_stack import psql

FILLER_ROWS = 5000
REQUESTS = 40
STATS_WAIT = 20     # a backend publishes its statistics when idle, at most every ~10 s


def index_scans(index):
    return int(psql("SELECT idx_scan FROM pg_stat_user_indexes WHERE indexrelname = '%s'"
                    % index))


def seq_scans(table):
    return int(psql("SELECT seq_scan FROM pg_stat_user_tables WHERE relname = '%s'" % table))


def wait_for_index_scans(index, at_least):
    deadline = time.monotonic() + STATS_WAIT
    n = index_scans(index)
    while n < at_least and time.monotonic() < deadline:
        time.sleep(0.5)
        n = index_scans(index)
    return n


class QueryPlanTest(ApiTestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user = new_user("plans")
        uid, sid = cls.user.id, cls.user.session_id
        # Tokens and jobs of a filler session, so that the tables span many pages.
        psql("INSERT INTO session_tokens (session_id, user_id, token_hash, created_at, "
             "last_used_at) SELECT %d, %d, encode(sha256(convert_to(i::text || '%s', 'UTF8')), "
             "'hex'), now(), now() FROM generate_series(1, %d) AS i"
             % (sid, uid, uuid.uuid4(), FILLER_ROWS))
        psql("INSERT INTO jobs (user_id, session_id, job_id, status, progress, prompt, logs, "
             "created_at, updated_at, task, image_count, images_ready, selected_image, "
             "image_variant, attempts, claim) SELECT %d, %d, gen_random_uuid()::text, "
             "'failed', 0, 'filler', '[]', now(), now(), 'generate', 4, 0, 0, 0, 0, 0 "
             "FROM generate_series(1, %d)" % (uid, sid, FILLER_ROWS))
        psql("ANALYZE session_tokens")
        psql("ANALYZE jobs")

    def test_token_lookup_uses_the_token_hash_index(self):
        before_idx = index_scans("session_tokens_token_hash_i")
        before_seq = seq_scans("session_tokens")
        for _ in range(REQUESTS):
            self.assertOk(self.user.api("GET", "/api/auth/verify"))
        after_idx = wait_for_index_scans("session_tokens_token_hash_i", before_idx + REQUESTS)
        print("     %d verify requests: token_hash index scans +%d, session_tokens sequential "
              "scans +%d" % (REQUESTS, after_idx - before_idx,
                             seq_scans("session_tokens") - before_seq))
        self.assertGreaterEqual(after_idx - before_idx, REQUESTS)
        self.assertEqual(seq_scans("session_tokens"), before_seq)

    def test_status_lookup_uses_the_job_id_index(self):
        r = generate(self.user)
        self.assertOk(r, 202)
        job_id = r.json["job_id"]
        wait_for_job(self.user, job_id)
        before = index_scans("jobs_job_id_i")
        for _ in range(REQUESTS):
            self.assertOk(self.user.api("GET", "/api/status/" + job_id))
        after = wait_for_index_scans("jobs_job_id_i", before + REQUESTS)
        print("     %d status requests: job_id index scans +%d" % (REQUESTS, after - before))
        self.assertGreaterEqual(after - before, REQUESTS)
