"""Scenario 6: races between requests. Parallel registrations of one username, parallel DELETEs
of one session, generate-mod against a DELETE of its session, logout against requests with the
same token. Clients come from several 127.x addresses (nginx's limit_conn counts per address)."""
import os
import threading
import time
import unittest
import uuid

from tests.faults import faultlib as F
from tests.kit.api import new_user
from tests.kit.waits import wait_until


def race(calls):
    """Runs the callables at once (released by a barrier); their results in order."""
    results = [None] * len(calls)
    barrier = threading.Barrier(len(calls))

    def run(i):
        barrier.wait()
        results[i] = calls[i]()
    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(calls))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    return results


def source(i):
    return "127.0.0.%d" % (10 + i % 10)


class RaceTest(unittest.TestCase):

    def test_one_username_registered_100_times_at_once(self):
        name = "race" + uuid.uuid4().hex[:10]
        calls = [(lambda i=i: F.request("POST", "/api/auth/register", {
            "username": name, "email": "%s-%d@example.com" % (name, i),
            "password": "pw-race-%d" % i}, source=source(i))) for i in range(100)]
        t0 = time.monotonic()
        results = race(calls)
        statuses = sorted(r.status for r in results)
        F.figures("100 registrations of %s in %.2fs: %s" % (
            name, time.monotonic() - t0,
            {s: statuses.count(s) for s in sorted(set(statuses))}))
        self.assertEqual(statuses.count(201), 1)
        for r in results:
            if r.status != 201:
                self.assertEqual((r.status, r.json and r.json.get("code")),
                                 (409, "username_taken"), r.text)
        self.assertEqual(F.stack().psql(
            "SELECT count(*) FROM users WHERE lower(username) = lower('%s')" % name), "1")

    def test_parallel_deletes_of_one_session(self):
        u = new_user("race")
        counts = []
        for _ in range(5):
            sid = u.api("POST", "/api/sessions/new", {"name": "doomed"}).json["session"]["id"]
            results = race([(lambda i=i: F.request("DELETE", "/api/sessions/%d" % sid,
                                                   token=u.token, source=source(i)))
                            for i in range(20)])
            statuses = sorted(r.status for r in results)
            counts.append(statuses.count(200))
            self.assertEqual(statuses, [200] + [404] * 19, results)
            for r in results:
                if r.status == 404:
                    self.assertEqual((r.json["code"], r.json["error"]),
                                     ("not_found", "Session not found"))
        F.figures("5 rounds of 20 parallel DELETEs: one 200 and nineteen 404 in each")

    def test_generate_racing_the_delete_of_its_session(self):
        u = new_user("race")
        outcomes = {}
        accepted = []
        for i in range(30):
            r = u.api("POST", "/api/sessions/new", {"name": "raced"})
            sid, other_token = r.json["session"]["id"], r.json["session"]["token"]
            # Half through the session's own token, half by session_id from another.
            gen = (lambda: F.request("POST", "/api/generate-mod", {"prompt": "a raced bow"},
                                     token=other_token)) if i % 2 else \
                (lambda: F.request("POST", "/api/generate-mod",
                                   {"prompt": "a raced bow", "session_id": sid}, token=u.token))
            g, d = race([
                gen, lambda: F.request("DELETE", "/api/sessions/%d" % sid, token=u.token,
                                       source="127.0.0.2")])
            key = "generate %d / delete %d" % (g.status, d.status)
            outcomes[key] = outcomes.get(key, 0) + 1
            self.assertEqual(d.status, 200, d.text)
            self.assertIn(g.status, (202, 401, 404), g.text)
            if g.status == 202:
                accepted.append(g.json["job_id"])
        s = F.stack()
        # No job outlives its session (the foreign key), none of the accepted ones exists now,
        # and once the workers are through, no folder is left without its job.
        orphans = s.psql("SELECT count(*) FROM jobs j LEFT JOIN sessions s ON s.id = "
                         "j.session_id WHERE s.id IS NULL")
        self.assertEqual(orphans, "0")
        if accepted:
            self.assertEqual(s.psql("SELECT count(*) FROM jobs WHERE job_id IN (%s)" % ",".join(
                "'%s'" % j for j in accepted)), "0", "a job of a deleted session survived")

        def no_stray_folders():
            ids = set(s.psql("SELECT id FROM jobs").split())
            folders = set(os.listdir(os.path.join(s.data_dir, "files")))
            return sorted(folders - ids)
        stray = wait_until(lambda: not no_stray_folders(), 10, 0.2)
        F.figures("30 races: %s; job folders without a job afterwards: %s" % (
            outcomes, no_stray_folders() or "none"))
        self.assertTrue(stray, "folders of jobs that no longer exist: %s" % no_stray_folders())

    def test_no_request_succeeds_with_a_token_after_its_logout(self):
        late = []
        served = 0
        for _ in range(10):
            u = new_user("race")
            stop = threading.Event()
            logged_out = [None]
            records = []

            def hammer(i):
                paths = ("/api/auth/verify", "/api/sessions", "/api/auth/me")
                n = 0
                while not stop.is_set():
                    t0 = time.monotonic()
                    r = F.request("GET", paths[n % 3], token=u.token, source=source(i))
                    records.append((t0, r.status, r.text))
                    n += 1
            threads = [threading.Thread(target=hammer, args=(i,)) for i in range(4)]
            for t in threads:
                t.start()
            time.sleep(0.2)
            r = u.api("POST", "/api/auth/logout")
            logged_out[0] = time.monotonic()
            self.assertEqual(r.status, 200, r)
            time.sleep(0.3)
            stop.set()
            for t in threads:
                t.join(30)
            served += sum(1 for t0, st, _ in records if st == 200)
            late += [(t0 - logged_out[0], st, text) for t0, st, text in records
                     if t0 >= logged_out[0] and st != 401]
            self.assertTrue(any(t0 >= logged_out[0] for t0, _, _ in records))
        F.figures("10 logouts under 4 clients each: %d requests served before, %d succeeded "
                  "after the logout returned" % (served, len(late)))
        self.assertEqual(late, [])


if __name__ == "__main__":
    unittest.main()
