"""e2e: workers share the queue without running a job twice, survive being killed, and stop
cleanly. These tests stop and start the stack's workers, so they run last."""
import json
import os
import re
import shlex
import signal
import time

import jsonschema

from tests.e2e.own_workers import DECISIONS, OwnWorkersTestCase, analyser, worker_env
from tests.kit.api import generate, job_row, job_status, new_user, wait_for_job
from tests.kit.stack import REPO
from tests.kit.suite_stack import LEASE_SECONDS, POLL_SECONDS, psql, stack
from tests.kit.waits import wait_until

# What the owner of a job reads when the external analyser fails, whatever the cause.
ANALYSER_FAILED = "The analyser could not handle this prompt; please try again later."


def analysers_running():
    """Pids of analyser commands made by analyser() that are still alive."""
    pids = []
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            with open("/proc/%s/cmdline" % pid, "rb") as f:
                if b"sys.stdin.read(); time.sleep" in f.read():
                    pids.append(int(pid))
        except OSError:
            pass
    return pids


def started_by(job):
    """The pids of the workers that claimed the job, from the workers' log lines
    ("modforge-worker[PID] info: job JOB_ID: generate (attempt N)"): the job's own log, which its
    owner reads, names no worker."""
    for e in job["logs"]:
        assert re.match(r"Analysing the prompt \(attempt \d+\)$", e["message"]) or \
            "Analysing" not in e["message"], e
    with open(stack().log("worker.log"), errors="replace") as f:
        return [m.group(1) for line in f
                for m in [re.search(r"modforge-worker\[(\d+)\] info: job %s: generate "
                                    r"\(attempt \d+\)$" % re.escape(job["job_id"]), line)] if m]


class WorkersTest(OwnWorkersTestCase):

    def wait_status(self, user, job_id, status, timeout=10):
        self.assertTrue(wait_until(lambda: job_status(user, job_id)["status"] == status,
                                   timeout, 0.02), "never %s: %s" % (status,
                                                                     job_status(user, job_id)))

    def test_two_workers_drain_a_queue_and_run_each_job_once(self):
        u = new_user()
        ids = [self.assertOk(generate(u, "a sword number %d" % i), 202)["job_id"]
               for i in range(20)]
        self.assertEqual({job_status(u, i)["status"] for i in ids}, {"queued"})
        stack().workers_start()
        workers = set()
        for i in ids:
            j = wait_for_job(u, i, timeout=60)
            self.assertEqual(j["status"], "completed", j)
            self.assertEqual(job_row(i), (1, 1, "completed"), "claimed more than once")
            self.assertEqual(len(started_by(j)), 1, j["logs"])
            workers.update(started_by(j))
        self.assertEqual(len(workers), 2, "both workers should have taken jobs: %s" % workers)

    def test_busy_jobs_refuse_changes(self):
        u = new_user()
        jid = self.assertOk(generate(u), 202)["job_id"]
        for path, body in (("select-image", {"index": 0}), ("regenerate-images", {})):
            with self.subTest(path=path):
                r = u.api("POST", "/api/jobs/%s/%s" % (jid, path), body)
                self.assertError(r, 409, "job_busy")
        self.assertEqual(job_row(jid), (0, 0, "queued"))
        stack().workers_start()
        self.assertEqual(wait_for_job(u, jid)["status"], "completed")

    def test_a_killed_workers_job_is_finished_by_another(self):
        u = new_user()
        slow = stack().spawn_worker("worker-slow", worker_env(analyser(LEASE_SECONDS - 2), LEASE_SECONDS - 1))
        jid = self.assertOk(generate(u), 202)["job_id"]
        self.wait_status(u, jid, "analyzing")
        # The claim writes "analyzing"; the worker starts the analyser just after it.
        self.assertTrue(wait_until(analysers_running, 10, 0.02), "the analyser never started")
        stack().stop_role("worker-slow", signal.SIGKILL)
        self.assertIsNotNone(slow.poll())
        # The analyser dies with its worker (it is in a process group of its own).
        self.assertTrue(wait_until(lambda: not analysers_running(), 2), analysers_running())
        self.assertEqual(job_row(jid)[:2], (1, 1))

        stack().workers_start()
        t0 = time.monotonic()
        j = wait_for_job(u, jid, timeout=LEASE_SECONDS + POLL_SECONDS + 20)
        self.assertEqual(j["status"], "completed", j)
        self.assertEqual(job_row(jid), (2, 2, "completed"))
        self.assertEqual(len(started_by(j)), 2, j["logs"])
        print("     (taken again and finished %.1fs after the kill; lease %ds)"
              % (time.monotonic() - t0, LEASE_SECONDS))

    def test_a_job_that_keeps_losing_its_worker_fails(self):
        u = new_user()
        jid = self.assertOk(generate(u), 202)["job_id"]
        # As if three workers had died on it in turn: running (status and progress as a claim
        # writes them), its lease long gone.
        psql("UPDATE jobs SET status = 'analyzing', progress = 10, attempts = 3, claim = 3, "
             "started_at = now() - interval '3 minutes', "
             "lease_expires_at = now() - interval '1 minute' WHERE job_id = '%s'" % jid)
        stack().workers_start()
        j = wait_for_job(u, jid, timeout=POLL_SECONDS + 10)
        self.assertEqual(j["status"], "failed", j)
        self.assertIn("interrupted 3 times", j["error"])
        self.assertEqual(job_row(jid), (3, 3, "failed"))

    def test_sigterm_finishes_the_job_in_hand(self):
        u = new_user()
        w = stack().spawn_worker("worker-slow", worker_env(analyser(1.5), LEASE_SECONDS - 1))
        jid = self.assertOk(generate(u), 202)["job_id"]
        self.wait_status(u, jid, "analyzing")
        w.send_signal(signal.SIGTERM)
        self.assertEqual(w.wait(20), 0, "the worker did not exit cleanly")
        j = job_status(u, jid)
        self.assertEqual(j["status"], "completed", j)
        self.assertFromAnalyser(j)
        self.assertEqual(job_row(jid), (1, 1, "completed"))

    def assertFromAnalyser(self, job):
        """The job's decisions are the analyser's DECISIONS, with the mod id made the job's own
        and the members the analyser left out derived."""
        d = job["aiDecisions"]
        self.assertEqual({k: d[k] for k in DECISIONS if k != "modId"},
                         {k: v for k, v in DECISIONS.items() if k != "modId"})
        self.assertEqual(d["modId"], DECISIONS["modId"] + "_" + job["job_id"][:6])
        self.assertEqual(d["tier"], "iron")

    def test_a_failing_analyser_fails_the_job_not_the_worker(self):
        u = new_user()
        for command, timeout, words in ((analyser(0, exit_code=3), 2, "analyser broke"),
                                        ("printf 'not json'", 2, "JSON"),
                                        (analyser(10), 1, "timed out")):
            with self.subTest(command=command):
                w = stack().spawn_worker("worker-odd", worker_env(command, timeout))
                jid = self.assertOk(generate(u), 202)["job_id"]
                j = wait_for_job(u, jid, timeout=timeout + 15)
                self.assertEqual(j["status"], "failed", j)
                # The owner reads a plain sentence; what happened is in the worker's log.
                self.assertEqual(j["error"], ANALYSER_FAILED)
                self.assertTrue(wait_until(lambda: self.logged(jid, words), 5),
                                "the worker's log lacks %r for job %s" % (words, jid))
                self.assertIsNone(w.poll(), "the worker died")
                stack().stop_role("worker-odd")

    def logged(self, job_id, words):
        with open(stack().log("worker.log"), errors="replace") as f:
            return any(job_id in line and words in line and " error: " in line for line in f)

    def test_the_analyser_gets_the_conversation_as_the_contract_says(self):
        """What the external analyser reads on stdin is docs/analyser.schema.json's input: the
        prompt and the session's earlier jobs, oldest first."""
        u = new_user()
        seen = os.path.join(stack().data_dir, "analyser-input-%d.json" % os.getpid())
        code = ("import sys; open(%r, 'a').write(sys.stdin.read() + '\\n'); sys.stdout.write(%s)"
                % (seen, json.dumps(json.dumps(DECISIONS))))
        w = stack().spawn_worker("worker-odd", worker_env("exec /usr/bin/python3 -c " +
                                                          shlex.quote(code), LEASE_SECONDS - 1))
        first = wait_for_job(u, self.assertOk(generate(u, "a ruby sword"), 202)["job_id"])
        self.assertEqual(first["status"], "completed", first)
        second = wait_for_job(u, self.assertOk(generate(u, "now a matching pickaxe"), 202)["job_id"])
        self.assertEqual(second["status"], "completed", second)
        self.assertIsNone(w.poll(), "the worker died")
        stack().stop_role("worker-odd")
        with open(seen) as f:
            inputs = [json.loads(line) for line in f if line.strip()]
        os.remove(seen)
        with open(os.path.join(REPO, "docs", "analyser.schema.json")) as f:
            schema = json.load(f)
        for i in inputs:
            jsonschema.validate(i, schema)
        self.assertEqual(inputs[0], {"prompt": "a ruby sword", "history": []})
        self.assertEqual(inputs[1]["prompt"], "now a matching pickaxe")
        self.assertEqual([h["prompt"] for h in inputs[1]["history"]], ["a ruby sword"])
        self.assertEqual(inputs[1]["history"][0]["aiDecisions"], first["aiDecisions"])
