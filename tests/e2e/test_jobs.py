"""e2e: jobs from prompt to zip, their images and downloads, and who may see them."""
import io
import json
import os
import re
import struct
import subprocess
import zipfile

from tests.e2e.api_test_case import ApiTestCase, INT, MS_TS_OR_NULL, TS, UUID4, parse_ts
from tests.kit.api import api, generate, job_status, new_user, wait_for_job
from tests.kit.suite_stack import psql, stack

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
FABRIC_MOD_ID = re.compile(r"^[a-z][a-z0-9_-]{1,63}$")

JOB_SHAPE = {
    "job_id": UUID4, "session_id": INT, "prompt": str, "status": str, "progress": INT, "created_at": TS,
    "updated_at": TS, "started_at": MS_TS_OR_NULL, "finished_at": MS_TS_OR_NULL,
    "aiDecisions": (dict, type(None)), "images": list,
    "selected_image": (int, type(None)), "result": (dict, type(None)), "logs": list,
    "error": (str, type(None)),
}


def expected_entries(mod_id):
    """The tree a project zip must hold (the generator's fabric_project_entries)."""
    package = mod_id.replace("-", "")
    base = re.sub(r"_[0-9a-f]{6}$", "", mod_id)
    cls = "".join(p.capitalize() for p in re.split(r"[_-]", base) if p)
    res = "src/main/resources/"
    java = "src/main/java/net/modforge/%s/" % package
    names = ["README.md", "build.gradle", "settings.gradle", "gradle.properties",
             "gradlew", "gradlew.bat", "gradle/wrapper/gradle-wrapper.jar",
             "gradle/wrapper/gradle-wrapper.properties",
             res + "fabric.mod.json", java + cls + "Mod.java", java + cls + "Item.java",
             res + "data/%s/recipes/%s.json" % (mod_id, mod_id),
             res + "assets/%s/lang/en_us.json" % mod_id,
             res + "assets/%s/models/item/%s.json" % (mod_id, mod_id),
             res + "assets/%s/textures/item/%s.png" % (mod_id, mod_id)]
    return sorted(mod_id + "/" + n for n in names)


def png_size(data):
    """(width, height) from a PNG's IHDR."""
    assert data.startswith(PNG_SIGNATURE), data[:16]
    return struct.unpack(">II", data[16:24])


def files_dir(job_db_id):
    return os.path.join(stack().data_dir, "files", str(job_db_id))


def published_dir(job_id):
    """The folder of the job whose files clients get: that of its published claim."""
    return os.path.join(stack().data_dir, "files", psql(
        "SELECT id || '/' || files_claim FROM jobs WHERE job_id = '%s'" % job_id))


def job_db_id(job_id):
    return int(psql("SELECT id FROM jobs WHERE job_id = '%s'" % job_id))


class JobsTest(ApiTestCase):

    def completed_job(self, user, prompt="a glowing blue sword of frost", **extra):
        r = generate(user, prompt, **extra)
        self.assertOk(r, 202)
        j = wait_for_job(user, r.json["job_id"])
        self.assertEqual(j["status"], "completed", j)
        return j

    def image(self, user, job, index):
        r = user.api("GET", "/api/jobs/%s/images/%d" % (job["job_id"], index))
        self.assertEqual(r.status, 200, r)
        self.assertEqual(r.headers.get("Content-Type"), "image/png")
        return r.data

    def download(self, user, job):
        r = user.api("GET", job["result"]["download_url"])
        self.assertEqual(r.status, 200, r)
        return r

    def test_generate_to_completed_and_download(self):
        u = new_user()
        r = generate(u)
        body = self.assertOk(r, 202)
        self.assertShape(body, {"success": bool, "job_id": UUID4, "status": str,
                                "session_id": INT})
        self.assertEqual((body["status"], body["session_id"]), ("queued", u.session_id))

        j = wait_for_job(u, body["job_id"])
        self.assertShape(j, JOB_SHAPE, "job")
        self.assertEqual((j["status"], j["progress"], j["error"]), ("completed", 100, None))
        self.assertEqual(j["prompt"], "a glowing blue sword of frost")
        d = j["aiDecisions"]
        self.assertShape(d, {"itemName": str, "modName": str, "modId": str, "description": str,
                             "kind": str, "colours": list, "material": str, "tier": str,
                             "stats": dict, "abilities": list, "abilityLevel": INT,
                             "recipe": dict}, "aiDecisions")
        self.assertRegex(d["modId"], FABRIC_MOD_ID)
        # One id per job: the readable base and six hex digits of the job id.
        self.assertEqual(d["modId"], "frost_sword_" + j["job_id"][:6])
        self.assertEqual((d["kind"], d["abilities"]), ("sword", ["glowing", "freeze"]))
        self.assertEqual(d["kind"], "sword")
        self.assertEqual([i["index"] for i in j["images"]], [0, 1, 2, 3])
        for i in j["images"]:
            self.assertEqual(i["url"], "/api/jobs/%s/images/%d" % (j["job_id"], i["index"]))
        self.assertEqual(j["selected_image"], 0)
        filename = "%s-%s.zip" % (d["modId"], j["job_id"])
        self.assertEqual(j["result"]["filename"], filename)
        self.assertEqual(j["result"]["download_url"], "/downloads/" + filename)
        for entry in j["logs"]:
            self.assertShape(entry, {"time": TS, "message": str}, "log entry")
        self.assertGreaterEqual(len(j["logs"]), 4)

        r = self.download(u, j)
        self.assertEqual(r.headers.get("Content-Type"), "application/zip")
        self.assertEqual(r.headers.get("Content-Disposition"),
                         'attachment; filename="%s"' % filename)
        self.assertIsNone(r.headers.get("X-Accel-Redirect"))
        self.assertEqual(len(r.data), j["result"]["size"])
        z = zipfile.ZipFile(io.BytesIO(r.data))
        self.assertIsNone(z.testzip())
        self.assertEqual(sorted(z.namelist()), expected_entries(d["modId"]))
        root = d["modId"] + "/src/main/resources/"
        meta = json.loads(z.read(root + "fabric.mod.json"))
        self.assertEqual((meta["schemaVersion"], meta["id"]), (1, d["modId"]))
        lang = json.loads(z.read(root + "assets/%s/lang/en_us.json" % d["modId"]))
        self.assertEqual(lang["item.%s.%s" % (d["modId"], d["modId"])], d["itemName"])
        texture = z.read(root + "assets/%s/textures/item/%s.png" % (d["modId"], d["modId"]))
        self.assertEqual(texture, self.image(u, j, 0))

    def test_images_are_16x16_pngs_that_differ(self):
        u = new_user()
        j = self.completed_job(u, "a ruby gem")
        images = [self.image(u, j, i) for i in range(4)]
        for data in images:
            self.assertEqual(png_size(data), (16, 16))
        self.assertEqual(len(set(images)), 4, "the candidates should differ")
        for bad in ("4", "8", "-1", "x", "1.0", "01x", "99999999999999999999", "4294967296"):
            with self.subTest(index=bad):
                r = u.api("GET", "/api/jobs/%s/images/%s" % (j["job_id"], bad))
                self.assertError(r, 404, "not_found")

    def test_select_image_repackages_with_it(self):
        u = new_user()
        j = self.completed_job(u)
        second = self.image(u, j, 2)
        for body in ({"index": 4}, {"index": -1}, {"index": "1"}, {"index": 1.5}, {},
                     {"index": None}, {"index": True}):
            with self.subTest(body=body):
                r = u.api("POST", "/api/jobs/%s/select-image" % j["job_id"], body)
                self.assertError(r, 400, "validation_error", field="index")
        self.assertEqual(job_status(u, j["job_id"])["status"], "completed")

        r = u.api("POST", "/api/jobs/%s/select-image" % j["job_id"], {"index": 2})
        self.assertShape(self.assertOk(r, 202), {"success": bool, "message": str, "job_id": UUID4,
                                                  "status": str})
        # The job as queued, whatever a worker has done with it since.
        self.assertEqual(r.json["status"], "queued")
        again = wait_for_job(u, j["job_id"])
        self.assertEqual((again["status"], again["selected_image"]), ("completed", 2))
        z = zipfile.ZipFile(io.BytesIO(self.download(u, again).data))
        mod_id = again["aiDecisions"]["modId"]
        texture = z.read("%s/src/main/resources/assets/%s/textures/item/%s.png"
                         % (mod_id, mod_id, mod_id))
        self.assertEqual(texture, second)

    def test_start_and_end_times_with_milliseconds(self):
        u = new_user()
        j = self.completed_job(u)
        self.assertRegex(j["started_at"], r"\.\d{3}Z$")
        self.assertRegex(j["finished_at"], r"\.\d{3}Z$")
        created, started, finished = (parse_ts(j[k]) for k in ("created_at", "started_at",
                                                                 "finished_at"))
        # created_at has whole seconds: it may read up to a second before the start.
        self.assertLessEqual(int(created), started)
        self.assertLessEqual(started, finished)
        # The database has them to the microsecond; the API shows the milliseconds of that.
        db_started, db_finished = (float(x) for x in psql(
            "SELECT extract(epoch FROM started_at), extract(epoch FROM finished_at) FROM jobs "
            "WHERE job_id = '%s'" % j["job_id"]).split("|"))
        self.assertAlmostEqual(started, db_started, delta=0.001)
        self.assertAlmostEqual(finished, db_finished, delta=0.001)

        # Queued again: both are cleared (a worker may have set them anew already, but never
        # to the old run's), then the new run's times are set.
        r = u.api("POST", "/api/jobs/%s/select-image" % j["job_id"], {"index": 1})
        self.assertOk(r, 202)
        for column in ("started_at", "finished_at"):
            self.assertEqual(psql("SELECT coalesce(extract(epoch FROM %s) > %f, true) FROM jobs "
                                  "WHERE job_id = '%s'" % (column, finished, j["job_id"])), "t",
                             "%s kept the earlier run's time" % column)
        again = wait_for_job(u, j["job_id"])
        self.assertEqual(again["status"], "completed")
        self.assertGreater(parse_ts(again["started_at"]), finished)
        self.assertGreaterEqual(parse_ts(again["finished_at"]), parse_ts(again["started_at"]))

    def test_regenerate_images_gives_new_ones(self):
        u = new_user()
        j = self.completed_job(u, "a golden apple")
        before = {self.image(u, j, i) for i in range(4)}
        for body in ({"count": 0}, {"count": 9}, {"count": "2"}):
            with self.subTest(body=body):
                r = u.api("POST", "/api/jobs/%s/regenerate-images" % j["job_id"], body)
                self.assertError(r, 400, "validation_error", field="count")
        r = u.api("POST", "/api/jobs/%s/regenerate-images" % j["job_id"], {"count": 2})
        self.assertOk(r, 202)
        again = wait_for_job(u, j["job_id"])
        self.assertEqual(again["status"], "completed", again)
        self.assertEqual([i["index"] for i in again["images"]], [0, 1])
        after = [self.image(u, again, i) for i in range(2)]
        self.assertFalse(before & set(after), "regenerated images repeat old ones")
        self.assertError(u.api("GET", "/api/jobs/%s/images/2" % j["job_id"]), 404, "not_found")
        self.assertFalse(os.path.exists(os.path.join(published_dir(j["job_id"]), "image-2.png")))
        # No count: as many as the last set.
        self.assertOk(u.api("POST", "/api/jobs/%s/regenerate-images" % j["job_id"]), 202)
        self.assertEqual(len(wait_for_job(u, j["job_id"])["images"]), 2)

    def test_sessions_show_their_jobs(self):
        u = new_user()
        # The prompt comes back as stored: trimmed, inner lines kept.
        first = self.completed_job(u, "  an emerald pickaxe\nwith a gold handle \n")
        self.assertEqual(first["prompt"], "an emerald pickaxe\nwith a gold handle")
        second = self.completed_job(u, "a loaf of bread")
        shown = self.assertOk(u.api("GET", "/api/sessions/%d" % u.session_id))
        self.assertEqual([x["job_id"] for x in shown["jobs"]], [first["job_id"],
                                                                 second["job_id"]])
        for x, full in zip(shown["jobs"], (first, second)):
            self.assertShape(x, {"job_id": UUID4, "prompt": str, "status": str,
                                 "progress": INT, "created_at": TS, "started_at": MS_TS_OR_NULL,
                                 "finished_at": MS_TS_OR_NULL, "aiDecisions": dict}, "job")
            self.assertEqual(x["prompt"], full["prompt"])
            self.assertEqual((x["started_at"], x["finished_at"]),
                             (full["started_at"], full["finished_at"]))
            self.assertEqual(x["aiDecisions"], {"itemName": full["aiDecisions"]["itemName"],
                                                "modName": full["aiDecisions"]["modName"]})
        current = self.assertOk(u.api("GET", "/api/sessions/current/jobs"))
        self.assertEqual(current["jobs"], shown["jobs"])
        listed = self.assertOk(u.api("GET", "/api/sessions"))["sessions"]
        self.assertEqual([s["job_count"] for s in listed if s["id"] == u.session_id], [2])

    def test_generate_into_another_of_ones_sessions(self):
        u, other = new_user(), new_user()
        s = self.assertOk(u.api("POST", "/api/sessions/new", {"name": "second"}), 201)["session"]
        r = generate(u, "a staff of lightning", session_id=s["id"])
        self.assertEqual(self.assertOk(r, 202)["session_id"], s["id"])
        j = wait_for_job(u, r.json["job_id"])
        self.assertEqual(j["session_id"], s["id"])
        self.assertEqual(self.assertOk(u.api("GET", "/api/sessions/%d" % u.session_id))["jobs"],
                         [])
        before = psql("SELECT count(*) FROM jobs")
        for sid in (other.session_id, 99999999):
            with self.subTest(session_id=sid):
                self.assertError(generate(u, session_id=sid), 404, "not_found",
                                 "Session not found")
        for sid in (0, -1, "1", 1.5, True):
            with self.subTest(session_id=sid):
                self.assertError(generate(u, session_id=sid), 400, "validation_error",
                                 field="session_id")
        self.assertEqual(psql("SELECT count(*) FROM jobs"), before)

    def test_bad_prompts_change_nothing(self):
        u = new_user()
        before = psql("SELECT count(*) FROM jobs")
        for prompt in ("", "   \n\t ", "x" * 2001, "\u00e9" * 2001, "a\u0000b", "bell\u0007",
                       None, 42, ["a"], {"a": 1}):
            with self.subTest(prompt=repr(prompt)[:30]):
                r = u.api("POST", "/api/generate-mod", {"prompt": prompt})
                self.assertError(r, 400, "validation_error", field="prompt")
        self.assertError(u.api("POST", "/api/generate-mod", {}), 400, "validation_error",
                         field="prompt")
        self.assertError(api("POST", "/api/generate-mod", {"prompt": "a sword"}), 401,
                         "missing_token")
        self.assertEqual(psql("SELECT count(*) FROM jobs"), before)
        # The limit is 2,000 characters, not bytes; odd ones are fine.
        for prompt in ("\u00e9" * 2000, "../../etc/passwd", 'say "hi" \\ \U0001F5E1'):
            with self.subTest(prompt=prompt[:20]):
                j = wait_for_job(u, self.assertOk(generate(u, prompt), 202)["job_id"])
                self.assertEqual(j["status"], "completed", j)
                self.assertRegex(j["aiDecisions"]["modId"], FABRIC_MOD_ID)

    def test_other_users_get_404_for_everything(self):
        a, b = new_user("a"), new_user("b")
        j = self.completed_job(a)
        jid = j["job_id"]
        snapshot = psql("SELECT status, selected_image, image_count, claim, result::text "
                        "FROM jobs WHERE job_id = '%s'" % jid)
        for method, path, body in (("GET", "/api/status/" + jid, None),
                                   ("GET", "/api/jobs/%s/images/0" % jid, None),
                                   ("POST", "/api/jobs/%s/select-image" % jid, {"index": 1}),
                                   ("POST", "/api/jobs/%s/regenerate-images" % jid, {}),
                                   ("GET", j["result"]["download_url"], None)):
            with self.subTest(path=path):
                r = b.api(method, path, body)
                self.assertEqual(r.status, 404, r)
                self.assertJson(r)
                self.assertNotIn(b"PK\x03\x04", r.data)
                self.assertNotIn(PNG_SIGNATURE, r.data)
        self.assertEqual(psql("SELECT status, selected_image, image_count, claim, result::text "
                              "FROM jobs WHERE job_id = '%s'" % jid), snapshot)
        self.assertEqual(job_status(a, jid)["status"], "completed")
        # Without a token: 401, never the bytes.
        for path in (j["result"]["download_url"], "/api/jobs/%s/images/0" % jid):
            with self.subTest(path=path):
                self.assertError(api("GET", path), 401, "missing_token")

    def test_download_names_never_reach_the_disk(self):
        u = new_user()
        j = self.completed_job(u)
        name = j["result"]["filename"]
        mod_id = j["aiDecisions"]["modId"]
        for path in ("/downloads/../../etc/passwd", "/downloads/..%2f..%2fetc%2fpasswd",
                     "/downloads/%2e%2e%2f%2e%2e%2fetc%2fpasswd", "/downloads/" + name + "%00",
                     "/downloads/%00" + name, "/downloads/" + name.upper(),
                     "/downloads/" + name.replace(".zip", ".png"),
                     "/downloads/x-%s.zip" % j["job_id"],
                     "/downloads/%s-%s.zip" % (mod_id, "0" * 8 + j["job_id"][8:]),
                     "/downloads/" + "a" * 300 + ".zip", "/downloads/",
                     "/downloads/%s/../%s" % (name, name), "/downloads/" + name + "/",
                     "/_files/%d/%s" % (job_db_id(j["job_id"]), name),
                     "/downloads/%s?x=1/../../etc/passwd" % "nope"):
            with self.subTest(path=path):
                r = u.api("GET", path)
                self.assertIn(r.status, (400, 404), r)
                self.assertJson(r)
                self.assertNotIn(b"PK\x03\x04", r.data)
                self.assertNotIn(b"root:", r.data)
        self.assertEqual(self.download(u, j).data[:4], b"PK\x03\x04")

    def test_deleting_a_session_or_account_removes_the_files(self):
        u = new_user()
        s = self.assertOk(u.api("POST", "/api/sessions/new", {}), 201)["session"]
        j = self.completed_job(u, "an iron ingot", session_id=s["id"])
        kept = self.completed_job(u, "a diamond axe")
        folder, kept_folder = files_dir(job_db_id(j["job_id"])), files_dir(job_db_id(kept["job_id"]))
        self.assertTrue(os.path.isfile(os.path.join(published_dir(j["job_id"]),
                                                    j["result"]["filename"])))
        self.assertOk(u.api("DELETE", "/api/sessions/%d" % s["id"]))
        self.assertFalse(os.path.exists(folder), "the deleted session's files are still there")
        self.assertEqual(psql("SELECT count(*) FROM jobs WHERE job_id = '%s'" % j["job_id"]), "0")
        self.assertTrue(os.path.isdir(kept_folder))
        self.assertOk(u.api("DELETE", "/api/auth/me", {"password": u.password}))
        self.assertFalse(os.path.exists(kept_folder), "the deleted account's files are there")

    def test_sweep_removes_what_no_job_owns(self):
        u = new_user()
        j = self.completed_job(u)
        owned = files_dir(job_db_id(j["job_id"]))
        root = os.path.join(stack().data_dir, "files")
        orphan = os.path.join(root, "987654321")
        os.makedirs(orphan)
        with open(os.path.join(orphan, "image-0.png"), "wb") as f:
            f.write(b"left by a crash")
        stray = os.path.join(root, "not-a-job")
        with open(stray, "w") as f:
            f.write("?")
        stale = os.path.join(owned, "image-0.png.tmp-123")
        with open(stale, "w") as f:
            f.write("half")
        os.utime(stale, (1, 1))
        fresh = os.path.join(owned, "image-1.png.tmp-456")
        with open(fresh, "w") as f:
            f.write("in progress")
        # The folder of a claim that is neither published nor at work (its worker lost the
        # lease): nobody is shown it.
        lost = os.path.join(owned, "99")
        os.makedirs(lost)
        with open(os.path.join(lost, "image-0.png"), "wb") as f:
            f.write(b"from a worker that lost its lease")

        admin = os.path.join(stack().bin_dir, "modforge-admin")
        dry = subprocess.run([admin, "sweep", "--dry-run"], env=stack().env(),
                             capture_output=True, text=True, timeout=60)
        self.assertEqual(dry.returncode, 0, dry.stderr)
        self.assertIn("would remove: 1 folders of deleted jobs, 1 stray entries, 1 stale", dry.stdout)
        # Other tests' jobs drew new sets or packaged again: theirs count too.
        self.assertRegex(dry.stdout, r", [1-9][0-9]* superseded claim folders or files ")
        self.assertTrue(os.path.exists(lost))
        self.assertTrue(os.path.exists(orphan))
        out = subprocess.run([admin, "sweep"], env=stack().env(), capture_output=True,
                             text=True, timeout=60)
        self.assertEqual(out.returncode, 0, out.stderr)
        self.assertIn("removed: 1 folders of deleted jobs, 1 stray entries, 1 stale", out.stdout)
        self.assertFalse(os.path.exists(orphan))
        self.assertFalse(os.path.exists(stray))
        self.assertFalse(os.path.exists(stale))
        self.assertTrue(os.path.exists(fresh))
        self.assertFalse(os.path.exists(lost))
        self.assertTrue(os.path.isfile(os.path.join(published_dir(j["job_id"]),
                                                    j["result"]["filename"])))
        self.assertEqual(self.download(u, j).status, 200)
        os.unlink(fresh)
        bad = subprocess.run([admin, "sweep", "--now"], env=stack().env(), capture_output=True,
                             text=True, timeout=60)
        self.assertEqual(bad.returncode, 2)
