"""A worker is cut off mid-job (held still at its first file write, after it recorded the job's
analysis, and its link down), so its lease runs out: the other worker takes the job and finishes
it. When the first one comes back and goes on writing, nothing clients see changes: not the
job, not its images, not its zip, and there is still one result; `modforge-admin sweep` then
leaves only the published files."""
import os
import shlex
import stat
import time
import unittest
import uuid

from tests.kit import suite_stack
from tests.kit.figures import figures
from tests.kit.waits import wait_until
from tests.scaleout.breakpoint import Breakpoint

# The worker that takes over analyses the prompt otherwise than the cut-off one (which uses the
# built-in analyser), so that the cut-off worker's images and zip would differ from the
# published ones if they ever replaced them. (The cut-off worker runs under gdb, and a fork under
# gdb loses the breakpoint: so it is the other one that runs a command.)
OTHER_DECISIONS = ('{"itemName": "Relief Blade", "modName": "Relief Blade Mod", '
                   '"modId": "relief_blade", "description": "Finished by the worker that took '
                   'over.", "kind": "sword", "colours": ["#22aa00", "#000000"]}')
OTHER_ANALYSER = {"MODFORGE_JOBS_ANALYSER_COMMAND":
                  "cat >/dev/null; printf '%%s' %s" % shlex.quote(OTHER_DECISIONS),
                  "MODFORGE_JOBS_ANALYSER_TIMEOUT": "2"}     # shorter than the lease
# Where the worker writes every image and so the zip's picture (a function of modforge-worker).
FIRST_FILE_WRITE = "modforge::job_files::write_atomically"
TAKEN_OVER_WITHIN = suite_stack.LEASE_SECONDS + 3 * suite_stack.POLL_SECONDS + 10
WORKER_ROLE = "worker0"     # the one worker of each worker host's stack


def files_under(path):
    """{relative path: (inode, size, modification time)} of the regular files under path: a
    file replaced by another (rename) or written again shows."""
    found = {}
    for d, _, names in os.walk(path):
        for n in names:
            st = os.lstat(os.path.join(d, n))
            if stat.S_ISREG(st.st_mode):
                found[os.path.relpath(os.path.join(d, n), path)] = (st.st_ino, st.st_size,
                                                                   st.st_mtime_ns)
    return found


class WorkerPartitionTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.cluster = suite_stack.stack()

    def setUp(self):
        self.api = self.cluster.api()
        name = "wp" + uuid.uuid4().hex[:10]
        body = {"username": name, "email": name + "@example.com", "password": "pw-" + name}
        self.assertEqual(self.api.request("POST", "/api/auth/register", body).status, 201)
        r = self.api.request("POST", "/api/auth/login", body)
        self.assertEqual(r.status, 200, r)
        self.token = r.json["session"]["token"]
        self.breakpoint = None

    def tearDown(self):
        if self.breakpoint is not None:
            self.breakpoint.release()
        self.cluster.heal("worker1")
        for name in ("worker1", "worker2"):       # both back as they were: plain workers
            stack = self.cluster.workers[name]
            if stack.has_role(WORKER_ROLE):
                stack.stop_role(WORKER_ROLE)
            stack.spawn_worker(WORKER_ROLE)

    def get(self, path):
        r = self.api.request("GET", path, token=self.token)
        self.assertEqual(r.status, 200, r)
        return r

    def published(self, job_id):
        """What a client sees of the job: its status, its result, its images and its zip."""
        job = self.get("/api/status/" + job_id).json["job"]
        images = [self.get(i["url"]).data for i in job["images"]]
        zip_bytes = self.get(job["result"]["download_url"]).data
        return {"status": job["status"], "result": job["result"],
                "decisions": job["aiDecisions"], "logs": len(job["logs"]), "images": images,
                "zip": zip_bytes}

    def test_cut_off_worker_cannot_overwrite_or_double_the_result(self):
        c = self.cluster
        w1, w2 = c.workers["worker1"], c.workers["worker2"]
        w2.stop_role(WORKER_ROLE)            # worker1 takes the job
        w1.stop_role(WORKER_ROLE)
        stale = w1.spawn_worker(WORKER_ROLE)
        self.assertTrue(wait_until(lambda: "modforge-worker[%d] info: started" % stale.pid
                                   in open(w1.log("worker.log")).read(), 10, 0.05))
        self.breakpoint = Breakpoint(stale.pid, FIRST_FILE_WRITE).arm()
        r = self.api.request("POST", "/api/generate-mod", {"prompt": "a glowing blue sword"},
                             token=self.token)
        self.assertEqual(r.status, 202, r)
        job_id = r.json["job_id"]
        self.assertTrue(self.breakpoint.wait_hit(30), "worker1 never wrote a file: %s\n%s" % (
            self.get("/api/status/" + job_id).json["job"],
            "\n".join(self.breakpoint.output[-10:])))
        psql = c.psql()
        row = "SELECT claim || ' ' || status FROM jobs WHERE job_id = '%s'" % job_id
        self.assertEqual(psql.query(row), "1 generating")   # its analysis is recorded

        t_cut = time.monotonic()
        c.partition("worker1")
        w2.spawn_worker(WORKER_ROLE, OTHER_ANALYSER)
        done = wait_until(lambda: self.get("/api/status/" + job_id).json["job"]["status"]
                          in ("completed", "failed"), TAKEN_OVER_WITHIN, 0.1)
        t_done = time.monotonic()
        self.assertTrue(done, "worker2 did not finish the job")
        self.assertEqual(psql.query(row), "2 completed")
        job_dir = os.path.join(c.data_dir, "files",
                               psql.query("SELECT id FROM jobs WHERE job_id = '%s'" % job_id))
        before = self.published(job_id)
        self.assertTrue(before["decisions"]["modId"].startswith("relief_blade"), before)
        on_disk = files_under(job_dir)

        # worker1 comes back and goes on with its job as it knew it.
        c.heal("worker1")
        t_back = time.monotonic()
        self.breakpoint.release()
        log = w1.log("worker.log")
        gave_up = wait_until(lambda: "job %s: no longer ours" % job_id in open(log).read(),
                             30, 0.1)
        t_gave_up = time.monotonic()
        self.assertTrue(gave_up, "worker1 never noticed it lost the job")
        after = self.published(job_id)
        self.assertEqual(psql.query(row), "2 completed")

        left = files_under(job_dir)
        status, output = c.admin("sweep")
        self.assertEqual(status, 0, output)
        swept = files_under(job_dir)
        figures("worker2 finished the job %.1fs after worker1 was cut off (lease %ds); worker1 "
                "gave up %.1fs after it was back; %d files in the job's folder before sweep, "
                "%d after (%d images and the zip published)" % (
                    t_done - t_cut, suite_stack.LEASE_SECONDS, t_gave_up - t_back, len(left),
                    len(swept), len(after["images"])))
        for key in ("status", "result", "decisions", "logs"):
            self.assertEqual(after[key], before[key], key)
        for i, (a, b) in enumerate(zip(after["images"], before["images"])):
            self.assertEqual(a, b, "image %d was overwritten by the worker that lost the job" % i)
        self.assertEqual(after["zip"], before["zip"], "the zip was overwritten")
        # The published files are the very ones worker2 wrote, and after a sweep nothing else
        # is left: no second zip, no stray images.
        self.assertEqual({p: v for p, v in left.items() if p in on_disk}, on_disk,
                         "files the finished job had were replaced")
        self.assertEqual(swept, on_disk)

if __name__ == "__main__":
    unittest.main()
