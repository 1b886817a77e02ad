"""Scenario 5: the files directory is a small tmpfs that fills up. Jobs fail with a clear error
(never a partial file left, never a stuck job), the API keeps answering, and once space is freed
new jobs complete. Needs root (mount); if the mount fails, the test fails and says why."""
import errno
import io
import os
import subprocess
import time
import unittest
import zipfile

from tests.faults import faultlib as F
from tests.kit.api import generate, new_user, wait_for_job

SIZE = "2m"
# Free bytes left for each job: none, then a few pages (the 4 PNGs and the zip need ~6 pages).
LEFT_FREE = (0, 4096, 8192, 16384, 24576)


class FullDiskTest(unittest.TestCase):

    def setUp(self):
        self.dir = os.path.join(F.stack().data_dir, "files")
        uid = os.stat(self.dir).st_uid
        gid = os.stat(self.dir).st_gid
        r = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=%s,uid=%d,gid=%d,mode=0755"
                            % (SIZE, uid, gid), "tmpfs", self.dir],
                           capture_output=True, text=True)
        if r.returncode != 0:
            self.fail("cannot mount a tmpfs over %s (this test needs root): %s"
                      % (self.dir, r.stderr.strip()))
        self.filler = os.path.join(self.dir, "filler")

    def tearDown(self):
        r = subprocess.run(["umount", self.dir], capture_output=True, text=True)
        if r.returncode != 0:       # a file still open (nginx sending it): detach it
            subprocess.run(["umount", "-l", self.dir], check=True)

    def fill(self, leave):
        """Fills the tmpfs, then frees `leave` bytes (whole pages) again."""
        with open(self.filler, "wb", buffering=0) as f:
            try:
                while True:
                    f.write(b"\0" * 65536)
            except OSError as e:
                self.assertEqual(e.errno, errno.ENOSPC)
        while True:
            try:
                with open(self.filler, "ab", buffering=0) as f:
                    f.write(b"\0" * 4096)
            except OSError:
                break
        if leave:
            os.truncate(self.filler, max(0, os.path.getsize(self.filler) - leave))
        st = os.statvfs(self.dir)
        return st.f_bavail * st.f_frsize

    def test_jobs_fail_clearly_and_recover_after_space_is_freed(self):
        u = new_user("disk")
        outcomes = []
        api_answers = []
        for leave in LEFT_FREE:
            free = self.fill(leave)
            jid = generate(u, "a heavy anvil of iron").json["job_id"]
            j = wait_for_job(u, jid, timeout=30)
            for path in ("/api/auth/verify", "/api/sessions", "/api/status/" + jid):
                t0 = time.monotonic()
                r = u.api("GET", path)
                api_answers.append(time.monotonic() - t0)
                self.assertEqual(r.status, 200, r)
            outcomes.append((free, j["status"], (j["error"] or "")[:90]))
            if j["status"] == "failed":
                self.assertIn("No space left on device", j["error"])
                self.assertNotIn(F.stack().data_dir, j["error"], "the server's paths in an error")
                self.assertIsNone(j["result"])
            else:
                self.assertEqual(j["status"], "completed", j)
                self.assert_downloads(u, j)
            folder = os.path.join(self.dir, F.stack().psql(
                "SELECT id FROM jobs WHERE job_id = '%s'" % jid))
            # Every file of the job's folder and of its claims' folders in it.
            names = [os.path.relpath(os.path.join(d, n), folder)
                     for d, _, files in os.walk(folder) for n in files]
            self.assertEqual([n for n in names if ".tmp-" in n or not
                              (n.endswith(".png") or n.endswith(".zip"))], [],
                             "temporary files left behind: %s" % names)
            os.unlink(self.filler)
        F.figures("tmpfs of %s: %s; API answers while full: %d, slowest %.3fs" % (
            SIZE, "; ".join("%d bytes free → %s%s" % (f, s, " (%s)" % e if e else "")
                            for f, s, e in outcomes),
            len(api_answers), max(api_answers)))
        self.assertEqual(outcomes[0][1], "failed", "a job succeeded on a full disk")
        # Space freed: new jobs complete.
        for _ in range(2):
            j = wait_for_job(u, generate(u, "a light feather blade").json["job_id"], timeout=30)
            self.assertEqual(j["status"], "completed", j)
            self.assert_downloads(u, j)

    def assert_downloads(self, u, j):
        r = u.api("GET", j["result"]["download_url"])
        self.assertEqual(r.status, 200, r)
        with zipfile.ZipFile(io.BytesIO(r.data)) as z:
            self.assertIsNone(z.testzip())


if __name__ == "__main__":
    unittest.main()
