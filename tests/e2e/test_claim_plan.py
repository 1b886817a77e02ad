"""e2e: the worker's claim stays cheap on a big queue. A database of its own in the stack's
cluster is filled, in one psql run of generate_series statements, with 10,000 users and
1,000,000 queued jobs (100 each; two users with a job running), and a worker of its own claims
from it with PostgreSQL's auto_explain on for that database: the claim's real plan, with its
real parameters, as EXPLAIN (ANALYZE, BUFFERS) shows it, comes from the server's log. The pick
must walk user_queues_fair_i and jobs_active_i, stop at once, and touch a few dozen buffers
whatever the queue's length."""
import json
import os
import re
import shutil
import signal
import subprocess
import tempfile
import time

from tests.e2e.api_test_case import ApiTestCase
from tests.kit.api import unique
from tests.kit.suite_stack import stack
from tests.kit.waits import wait_until

USERS = 10000
JOBS_PER_USER = 100
RUNNING_USERS = 2
# Generous bounds for a shared 2-core machine; the figures measured are printed, and the cost
# recorded in docs/performance.md.
MAX_MILLISECONDS = 50.0
MAX_BUFFERS = 100

# Two indexes of jobs that no part of the claim can use (a job by its public id, a session's
# history) are dropped first: building them for a million rows is most of the fill's time.
FILL = """
DROP INDEX jobs_job_id_i;
DROP INDEX jobs_session_created_i;
INSERT INTO users (username, username_key, email, password_hash, created_at, updated_at,
                   is_active)
  SELECT 'plan' || i, 'plan' || i, 'plan' || i || '@example.com', 'x', now(), now(), true
  FROM generate_series(1, %(users)d) AS i;
INSERT INTO sessions (user_id, created_at, last_used_at) SELECT id, now(), now() FROM users;
INSERT INTO jobs (user_id, session_id, job_id, status, progress, prompt, logs, created_at,
                  updated_at, task, image_count, images_ready, selected_image, image_variant,
                  attempts, claim)
  SELECT u, u, md5(i::text)::uuid::text, 'queued', 0, 'a queued sword', '[]',
         now() - (%(jobs)d - i) * interval '1 millisecond', now(), 'generate', 4, 0, 0, 0, 0, 0
  FROM generate_series(1, %(jobs)d) AS i, LATERAL (SELECT 1 + i %% %(users)d AS u) AS owner;
UPDATE jobs SET status = 'generating', progress = 40, attempts = 1, claim = 1,
                started_at = now(), lease_expires_at = now() + interval '1 hour'
  WHERE id <= %(running)d;
INSERT INTO user_queues (user_id, queued, running, last_claimed_at, day_jobs)
  SELECT id, %(per_user)d - (CASE WHEN id <= %(running)d + 1 AND id > 1 THEN 1 ELSE 0 END),
         CASE WHEN id <= %(running)d + 1 AND id > 1 THEN 1 ELSE 0 END,
         now() - id * interval '1 second', 0
  FROM users;
ANALYZE;
"""


def plans(log_text):
    """The JSON plans auto_explain wrote ("duration: … ms  plan:" then the JSON)."""
    decoder = json.JSONDecoder()
    found = []
    for m in re.finditer(r"duration: ([0-9.]+) ms\s+plan:\s*", log_text):
        try:
            plan, _ = decoder.raw_decode(log_text, m.end())
        except ValueError:
            continue
        found.append((float(m.group(1)), plan))
    return found


def nodes(plan):
    """Every node of a plan tree."""
    yield plan
    for child in plan.get("Plans", []):
        yield from nodes(child)


class ClaimPlanTest(ApiTestCase):

    def test_the_claim_walks_its_indexes_on_a_million_queued_jobs(self):
        s = stack()
        db = "plan_" + unique()
        s.psql_admin("CREATE DATABASE %s" % db)
        files = tempfile.mkdtemp(prefix="modforge-plan-")
        os.chmod(files, 0o777)
        role = "worker-plan"
        try:
            env = dict(s.env(), MODFORGE_DATABASE_NAME=db)
            r = subprocess.run([os.path.join(s.bin_dir, "modforge-admin"), "migrate"], env=env,
                               capture_output=True, text=True, timeout=120)
            self.assertEqual(r.returncode, 0, r.stderr)
            t0 = time.monotonic()
            s.database.run_file(self.fill_file(), db, timeout=600)
            filled = time.monotonic() - t0
            self.assertEqual(s.psql("SELECT count(*) FROM jobs WHERE status = 'queued'", db),
                             str(USERS * JOBS_PER_USER - RUNNING_USERS))
            for setting in ("session_preload_libraries = 'auto_explain'",
                            "auto_explain.log_min_duration = 0",
                            "auto_explain.log_analyze = on", "auto_explain.log_buffers = on",
                            "auto_explain.log_timing = on", "auto_explain.log_format = json"):
                s.psql_admin("ALTER DATABASE %s SET %s" % (db, setting))

            log = s.log("postgres.log")
            start = os.path.getsize(log)
            s.spawn_worker(role, {"MODFORGE_DATABASE_NAME": db,
                                  "MODFORGE_FILES_DATA_DIR": files})

            def claims():
                with open(log, errors="replace") as f:
                    f.seek(start)
                    text = f.read()
                return [(ms, p) for ms, p in plans(text) if "user_queues" in p.get("Query Text", "")]
            self.assertTrue(wait_until(claims, 60, 0.2), "no claim was logged")
            s.stop_role(role, signal.SIGTERM, timeout=30)
            ms, plan = claims()[0]
        finally:
            if s.has_role(role):
                s.stop_role(role, signal.SIGKILL)
            s.psql_admin("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                         "WHERE datname = '%s'" % db)
            s.psql_admin("DROP DATABASE %s" % db)
            shutil.rmtree(files, ignore_errors=True)

        tree = list(nodes(plan["Plan"]))
        buffers = plan["Plan"].get("Shared Hit Blocks", 0) + plan["Plan"].get("Shared Read Blocks", 0)
        scans = {(n["Node Type"], n.get("Index Name") or n.get("Relation Name")) for n in tree
                 if "Scan" in n["Node Type"] and "CTE" not in n["Node Type"]}
        fair = [n for n in tree if n.get("Index Name") == "user_queues_fair_i"]
        print("     (filled %d jobs of %d users in %.0f s; the claim: %.3f ms, %d buffers, "
              "user_queues_fair_i rows read %s; scans %s)"
              % (USERS * JOBS_PER_USER, USERS, filled, ms, buffers,
                 [n.get("Actual Rows") for n in fair], sorted(scans)))
        self.assertEqual(len(fair), 1, "the pick does not walk user_queues_fair_i: %s" % scans)
        self.assertLessEqual(fair[0]["Actual Rows"], 1 + RUNNING_USERS, fair[0])
        self.assertIn(("Index Scan", "jobs_active_i"), scans)
        self.assertFalse([x for x in scans if x[0] == "Seq Scan"], scans)
        self.assertLess(buffers, MAX_BUFFERS, plan)
        self.assertLess(ms, MAX_MILLISECONDS, plan)

    def fill_file(self):
        path = os.path.join(tempfile.mkdtemp(prefix="modforge-plan-sql-"), "fill.sql")
        os.chmod(os.path.dirname(path), 0o755)
        with open(path, "w") as f:
            f.write(FILL % {"users": USERS, "jobs": USERS * JOBS_PER_USER,
                            "per_user": JOBS_PER_USER, "running": RUNNING_USERS})
        self.addCleanup(shutil.rmtree, os.path.dirname(path), True)
        return path
