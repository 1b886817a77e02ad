"""e2e: modforge-admin migrate upgrades a version-1 and a version-2 database that hold data,
keeps the data, and refuses what it cannot handle. Each test uses a database of its own in the
stack's cluster.
"""
import os
import re
import subprocess

from tests.e2e.api_test_case import ApiTestCase
from tests.kit.api import unique
from tests.kit.bcrypt import bcrypt
from tests.kit.stack import REPO
from tests.kit.suite_stack import stack

V1_SCHEMA = os.path.join(REPO, "tests", "schema", "modforge-v1.sql")
V2_SCHEMA = os.path.join(REPO, "tests", "schema", "modforge-v2.sql")
CURRENT = 3


def current_version():
    """The schema version of this tree: the one sql/modforge.sql records."""
    with open(os.path.join(REPO, "sql", "modforge.sql")) as f:
        return int(re.search(r"VALUES \('', (\d+), FALSE\)", f.read()).group(1))


CURRENT = current_version()

# A little of everything a version-1 database holds.
V1_DATA = """
INSERT INTO users (username, username_key, email, password_hash, created_at, updated_at, is_active)
  VALUES ('Alice', 'alice', 'alice@example.com', '%(hash)s', now(), now(), true);
INSERT INTO sessions (user_id, name, created_at, last_used_at)
  VALUES (1, 'first', now(), now());
INSERT INTO session_tokens (session_id, user_id, token_hash, created_at, last_used_at)
  VALUES (1, 1, repeat('a', 64), now(), now());
INSERT INTO jobs (user_id, session_id, job_id, status, progress, prompt, logs, created_at,
                  updated_at, task, image_count, images_ready, selected_image, image_variant,
                  attempts, claim)
  VALUES (1, 1, '0f8fad5b-d9cb-469f-a165-70867728950e', 'completed', 100, 'a sword', '[]',
          now(), now(), 'generate', 4, 4, 0, 0, 1, 1),
         (1, 1, '1f8fad5b-d9cb-469f-a165-70867728950e', 'queued', 0, 'a bow', '[]',
          now(), now(), 'generate', 4, 0, 0, 0, 0, 0),
         (1, 1, '2f8fad5b-d9cb-469f-a165-70867728950e', 'queued', 0, 'an axe', '[]',
          now(), now(), 'generate', 4, 0, 0, 0, 0, 0),
         (1, 1, '3f8fad5b-d9cb-469f-a165-70867728950e', 'generating', 40, 'a hoe', '[]',
          now(), now(), 'generate', 4, 0, 0, 0, 1, 1);
INSERT INTO auth_events (user_id, "time", kind) VALUES (1, now(), 'register');
"""

# Version 2 added the throttle's counters.
V2_DATA = V1_DATA + """
INSERT INTO login_throttles (scope, key, events, first_event_at, last_event_at)
  VALUES ('account', 'user:1', 2, now(), now());
"""


def psql(db, sql=None, file=None):
    """SQL, or an SQL file, in the database db of the stack's cluster."""
    if file:
        return stack().database.run_file(file, db, timeout=60)
    return stack().psql(sql, db)


def migrate(db):
    env = dict(stack().env(), MODFORGE_DATABASE_NAME=db)
    return subprocess.run([os.path.join(stack().bin_dir, "modforge-admin"), "migrate"], env=env,
                          capture_output=True, text=True, timeout=120)


class MigrationTest(ApiTestCase):

    def setUp(self):
        self.db = "mig_" + unique()
        stack().psql_admin("CREATE DATABASE %s" % self.db)

    def tearDown(self):
        stack().psql_admin("DROP DATABASE %s" % self.db)

    def snapshot(self):
        return [psql(self.db, "SELECT username, email, password_hash FROM users"),
                psql(self.db, "SELECT id, name FROM sessions"),
                psql(self.db, "SELECT token_hash FROM session_tokens"),
                psql(self.db, "SELECT job_id, status, prompt FROM jobs"),
                psql(self.db, "SELECT kind FROM auth_events")]

    def migrated_keeps_the_data(self, schema, data, version):
        psql(self.db, file=schema)
        psql(self.db, data % {"hash": bcrypt("a password", 4)})
        self.assertEqual(psql(self.db, "SELECT version FROM schema_version"), str(version))
        before = self.snapshot()

        r = migrate(self.db)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("migrated the schema from version %d to %d" % (version, CURRENT), r.stdout)
        self.assertEqual(psql(self.db, "SELECT version, migration FROM schema_version"),
                         "%d|f" % CURRENT)
        self.assertEqual(self.snapshot(), before)
        if version >= 2:
            self.assertEqual(psql(self.db, "SELECT scope, key, events FROM login_throttles"),
                             "account|user:1|2")
        # A job from before claim folders keeps its files in the job's folder (claim 0).
        self.assertEqual(psql(self.db, "SELECT DISTINCT files_claim FROM jobs"), "0")
        # The jobs still to be done have their user's place in the fair queue, or no worker
        # would ever take them.
        self.assertEqual(psql(self.db, "SELECT user_id, queued, running FROM user_queues"),
                         "1|2|1")
        # The new tables and column are there and work; accounts made before are unverified.
        psql(self.db, "INSERT INTO login_throttles (scope, key, events, first_event_at, "
                      "last_event_at) VALUES ('forgot', 'user:1', 1, now(), now())")
        self.assertEqual(psql(self.db, "SELECT email_verified FROM users"), "f")
        psql(self.db, "INSERT INTO email_tokens (user_id, purpose, token_hash, email, created_at, "
                      "expires_at) VALUES (1, 'reset', repeat('b', 64), 'alice@example.com', "
                      "now(), now())")
        psql(self.db, "INSERT INTO mail_outbox (user_id, recipient, subject, body, state, "
                      "attempts, next_attempt_at, claim, message_id, created_at) VALUES (1, "
                      "'alice@example.com', 's', 'b', 'queued', 0, now(), 0, '<x@y>', now())")

        again = migrate(self.db)
        self.assertEqual(again.returncode, 0, again.stderr)
        self.assertIn("already at version %d" % CURRENT, again.stdout)

    def test_from_version_1_with_data(self):
        self.migrated_keeps_the_data(V1_SCHEMA, V1_DATA, 1)

    def test_from_version_2_with_data(self):
        self.migrated_keeps_the_data(V2_SCHEMA, V2_DATA, 2)

    def test_an_empty_database_is_created_at_the_current_version(self):
        r = migrate(self.db)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("created the schema at version %d" % CURRENT, r.stdout)
        for table in ("login_throttles", "mail_outbox", "email_tokens"):
            self.assertEqual(psql(self.db, "SELECT count(*) FROM %s" % table), "0")

    def test_a_newer_database_is_refused(self):
        self.assertEqual(migrate(self.db).returncode, 0)
        psql(self.db, "UPDATE schema_version SET version = %d" % (CURRENT + 1))
        r = migrate(self.db)
        self.assertEqual(r.returncode, 3, r.stdout + r.stderr)
        self.assertIn("newer", r.stderr)
        self.assertEqual(psql(self.db, "SELECT version FROM schema_version"), str(CURRENT + 1))
