"""Scenario 3: every write acknowledged with 200/201/202 (registrations, new sessions, renames,
jobs) is in the database after PostgreSQL is killed with SIGKILL right after the last
acknowledgement and restarted (crash recovery from the WAL)."""
import os
import signal
import threading
import time
import unittest
import uuid

from tests.faults import faultlib as F
from tests.kit.api import sha256_hex
from tests.kit.waits import wait_until

CLIENTS = 4
ROUNDS = 10               # per client: register, log in, new session, rename, generate


class DurabilityTest(unittest.TestCase):

    def tearDown(self):
        if not F.stack().pg_running():
            F.stack().pg_start()

    def client(self, acked, lock):
        for _ in range(ROUNDS):
            name = "dur" + uuid.uuid4().hex[:12]
            r = F.request("POST", "/api/auth/register", {
                "username": name, "email": name + "@example.com", "password": "pw-durable-1"})
            if r.status != 201:
                continue
            with lock:
                acked["users"][r.json["user"]["id"]] = name
            r = F.request("POST", "/api/auth/login", {"username": name, "password": "pw-durable-1"})
            if r.status != 200:
                continue
            token = r.json["session"]["token"]
            with lock:
                acked["tokens"][sha256_hex(token)] = r.json["session"]["id"]
            r = F.request("POST", "/api/sessions/new", {"name": "before"}, token=token)
            if r.status != 201:
                continue
            sid = r.json["session"]["id"]
            with lock:
                acked["sessions"][sid] = "before"
            r = F.request("PATCH", "/api/sessions/%d" % sid, {"name": "renamed " + name},
                          token=token)
            if r.status == 200:
                with lock:
                    acked["sessions"][sid] = "renamed " + name
            r = F.request("POST", "/api/generate-mod",
                          {"prompt": "a durable shield", "session_id": sid}, token=token)
            if r.status == 202:
                with lock:
                    acked["jobs"][r.json["job_id"]] = sid

    def test_acknowledged_writes_survive_sigkill_of_postgres(self):
        s = F.stack()
        settings = {k: s.psql("SHOW " + k) for k in ("fsync", "synchronous_commit",
                                                     "full_page_writes")}
        self.assertEqual(settings, {"fsync": "on", "synchronous_commit": "on",
                                    "full_page_writes": "on"},
                         "durability needs a cluster that flushes its WAL at commit")
        acked = {"users": {}, "tokens": {}, "sessions": {}, "jobs": {}}
        lock = threading.Lock()
        threads = [threading.Thread(target=self.client, args=(acked, lock))
                   for _ in range(CLIENTS)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(120)
        # Right after the last acknowledgement: every PostgreSQL process at once, no shutdown.
        pids = F.postgres_pids()
        t_kill = time.monotonic()
        for pid in pids:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        self.assertTrue(wait_until(lambda: not any(os.path.exists("/proc/%d" % p) for p in pids),
                                   10), "PostgreSQL survived SIGKILL")
        s.pg_start()
        t_up = time.monotonic()

        users = dict(tuple(line.split("|")) for line in s.psql(
            "SELECT id, username FROM users WHERE username LIKE 'dur%'").splitlines())
        sessions = dict(tuple(line.split("|")) for line in s.psql(
            "SELECT id, name FROM sessions WHERE name IS NOT NULL").splitlines())
        tokens = set(s.psql("SELECT token_hash FROM session_tokens").splitlines())
        jobs = dict(tuple(line.split("|")) for line in s.psql(
            "SELECT job_id, session_id FROM jobs").splitlines())
        missing = {
            "users": [u for u, n in acked["users"].items() if users.get(str(u)) != n],
            "tokens": [t for t in acked["tokens"] if t not in tokens],
            "sessions": [i for i, n in acked["sessions"].items() if sessions.get(str(i)) != n],
            "jobs": [j for j, sid in acked["jobs"].items() if jobs.get(j) != str(sid)],
        }
        F.figures("acknowledged %s; SIGKILL of %d PostgreSQL processes, recovered in %.2fs; "
                  "missing or stale after recovery: %s" % (
                      ", ".join("%d %s" % (len(v), k) for k, v in acked.items()), len(pids),
                      t_up - t_kill, {k: len(v) for k, v in missing.items()}))
        self.assertEqual(len(acked["users"]), CLIENTS * ROUNDS, "a registration failed")
        self.assertEqual(len(acked["jobs"]), CLIENTS * ROUNDS, "a write was not acknowledged")
        self.assertEqual(missing, {k: [] for k in missing})
        # And the stack carries on: the jobs acknowledged before the crash all finish.
        self.assertTrue(wait_until(lambda: s.psql(
            "SELECT count(*) FROM jobs WHERE status NOT IN ('completed', 'failed')") == "0",
            60, 0.5), "jobs left unfinished after the crash")
        self.assertEqual(s.psql("SELECT count(*) FROM jobs WHERE job_id IN (%s) AND status <> "
                                "'completed'" % ",".join("'%s'" % j for j in acked["jobs"])),
                         "0")


if __name__ == "__main__":
    unittest.main()
