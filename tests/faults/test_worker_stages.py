"""Scenario 4: a worker is killed (SIGKILL) at each stage of a job (analyzing, generating,
packaging), and stopped (SIGTERM) at each: every job ends completed or failed with a reason,
none is stuck, none runs twice to completion, and no partial zip is ever offered.

The stages of the built-in generator last milliseconds. To land in one, the worker is
SIGSTOPped in a loop while a long-lived psql reads its job's status; when the status is the
stage wanted (read once no statement of the worker is still at work in PostgreSQL), the signal
is sent to the stopped worker (else it continues). A dead worker writes nothing more, so the
row's status after the kill is where it died, and it is checked."""
import io
import os
import signal
import time
import unittest
import zipfile

from tests.faults import faultlib as F
from tests.kit.api import generate, job_row, job_status, new_user, wait_for_job
from tests.kit.suite_stack import LEASE_SECONDS, POLL_SECONDS
from tests.kit.waits import wait_until

STAGES = ("analyzing", "generating", "packaging")
TRIES = 30                # jobs tried per stage before giving up on landing in it
VICTIM = "worker-victim"


class WorkerStageTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.user = new_user("stages")

    def setUp(self):
        F.stack().workers_stop()
        self.db = F.psql_session()
        self.jobs = []

    def tearDown(self):
        self.db.close()
        s = F.stack()
        for role in s.worker_roles():
            s.stop_role(role, signal.SIGKILL)
        s.workers_start()

    def signal_in_stage(self, stage, sig):
        """Starts a victim worker and jobs until `sig` reaches it while a job of its is in
        `stage`; (job_id, the worker's Popen, tries) or a failure."""
        s = F.stack()
        for attempt in range(1, TRIES + 1):
            w = s.spawn_worker(VICTIM)
            jid = generate(self.user, "a staged pickaxe of amber").json["job_id"]
            self.jobs.append(jid)
            deadline = time.monotonic() + 20
            while time.monotonic() < deadline:
                os.kill(w.pid, signal.SIGSTOP)
                # A COMMIT the worker sent just before it stopped may still be applied; what
                # the row says counts once no statement of it runs at the server.
                if not wait_until(self.no_statement_running, 1, 0.001):
                    os.kill(w.pid, signal.SIGCONT)
                    continue
                status = self.db.query("SELECT status FROM jobs WHERE job_id = '%s'" % jid)
                if status == stage:
                    os.kill(w.pid, sig)
                    os.kill(w.pid, signal.SIGCONT)
                    return jid, w, attempt
                os.kill(w.pid, signal.SIGCONT)
                if status in ("completed", "failed") or STAGES.index(stage) < \
                        (STAGES.index(status) if status in STAGES else -1):
                    break
                time.sleep(0.0002)
            s.stop_role(VICTIM)
        self.fail("never caught a job in %s in %d tries" % (stage, TRIES))

    def no_statement_running(self):
        """True if no modforge program has a statement at work in PostgreSQL (the other
        workers are stopped and nobody else sends requests, so that is the victim's)."""
        return self.db.query("SELECT count(*) FROM pg_stat_activity WHERE state = 'active' "
                             "AND application_name = 'modforge'") == "0"

    def assert_nothing_offered(self, jid):
        """While the job is not completed: no result, and no zip of it downloads."""
        j = job_status(self.user, jid)
        self.assertIsNone(j["result"], j)
        d = j.get("aiDecisions") or {}
        if d.get("modId"):
            r = self.user.api("GET", "/downloads/%s-%s.zip" % (d["modId"], jid))
            self.assertEqual(r.status, 404, r)
        for name in {os.path.basename(n) for n in self.job_files(jid)}:
            r = self.user.api("GET", "/downloads/" + name)
            self.assertEqual(r.status, 404, "%s: %r" % (name, r))

    def job_files(self, jid):
        """The files of the job's folder and its claims' folders (as claim/name)."""
        row = F.stack().psql("SELECT id FROM jobs WHERE job_id = '%s'" % jid)
        d = os.path.join(F.stack().data_dir, "files", row)
        return sorted(os.path.relpath(os.path.join(folder, n), d)
                      for folder, _, names in os.walk(d) for n in names)

    def published_files(self, jid):
        """The files of the folder whose files clients get (that of the published claim)."""
        row = F.stack().psql("SELECT id || '/' || files_claim FROM jobs WHERE job_id = '%s'"
                             % jid)
        d = os.path.join(F.stack().data_dir, "files", row)
        return sorted(os.listdir(d)) if os.path.isdir(d) else []

    def assert_completed_once(self, jid, runs):
        j = wait_for_job(self.user, jid, timeout=LEASE_SECONDS + POLL_SECONDS + 30)
        self.assertEqual(j["status"], "completed", j)
        self.assertEqual(job_row(jid), (runs, runs, "completed"))
        packaged = [e for e in j["logs"] if e["message"].startswith("Packaged ")]
        self.assertEqual(len(packaged), 1, "completed more than once: %s" % j["logs"])
        r = self.user.api("GET", j["result"]["download_url"])
        self.assertEqual(r.status, 200, r)
        self.assertEqual(len(r.data), j["result"]["size"])
        with zipfile.ZipFile(io.BytesIO(r.data)) as z:
            self.assertIsNone(z.testzip())
            self.assertIn("fabric.mod.json", "\n".join(z.namelist()))
        zips = [n for n in self.published_files(jid) if n.endswith(".zip")]
        self.assertEqual(zips, [j["result"]["filename"]])
        return j

    def test_sigkill_at_each_stage(self):
        s = F.stack()
        figures = []
        for stage in STAGES:
            with self.subTest(stage=stage):
                jid, w, tries = self.signal_in_stage(stage, signal.SIGKILL)
                w.wait(10)
                self.assertEqual(w.returncode, -signal.SIGKILL)
                s.stop_role(VICTIM)
                self.assertEqual(job_row(jid), (1, 1, stage), "not killed in %s" % stage)
                left = self.job_files(jid)
                self.assert_nothing_offered(jid)
                s.spawn_worker("worker-rescue")
                t0 = time.monotonic()
                self.assert_completed_once(jid, 2)
                figures.append("%s: hit on try %d, files left by the dead worker %s, finished by "
                               "another %.1fs later" % (stage, tries, left or "none",
                                                        time.monotonic() - t0))
                s.stop_role("worker-rescue")
        F.figures("; ".join(figures))
        self.assert_every_job_final()

    def test_sigterm_at_each_stage(self):
        figures = []
        for stage in STAGES:
            with self.subTest(stage=stage):
                jid, w, tries = self.signal_in_stage(stage, signal.SIGTERM)
                t0 = time.monotonic()
                self.assertEqual(w.wait(30), 0, "the worker did not exit cleanly on SIGTERM")
                took = time.monotonic() - t0
                F.stack().stop_role(VICTIM)
                self.assert_completed_once(jid, 1)
                figures.append("%s: hit on try %d, finished its job and exited in %.2fs"
                               % (stage, tries, took))
        F.figures("; ".join(figures))
        self.assert_every_job_final()

    def assert_every_job_final(self):
        """Every job this test made (the missed tries too) ends, with a reason if failed."""
        F.stack().workers_start()
        for jid in self.jobs:
            j = wait_for_job(self.user, jid, timeout=LEASE_SECONDS + 30)
            if j["status"] == "failed":
                self.assertTrue(j["error"], j)
        rows = F.stack().psql("SELECT attempts FROM jobs WHERE job_id IN (%s)" % ",".join(
            "'%s'" % j for j in self.jobs)).split()
        self.assertEqual(len(rows), len(self.jobs))


if __name__ == "__main__":
    unittest.main()
