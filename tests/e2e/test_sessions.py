"""e2e: /api/sessions — create, list and page, show, current jobs, rename, resume, delete."""
from tests.e2e.api_test_case import ApiTestCase, INT, NULLABLE_STR, TS, UUID4, parse_ts
from tests.kit.api import api, new_user
from tests.kit.suite_stack import psql

NEW_SHAPE = {"success": bool, "message": str,
             "session": {"id": INT, "token": UUID4, "name": NULLABLE_STR, "created_at": TS}}
DETAIL_SHAPE = {"success": bool, "jobs": list,
                "session": {"id": INT, "name": NULLABLE_STR, "created_at": TS, "last_used_at": TS}}
LIST_ITEM = {"id": INT, "name": NULLABLE_STR, "created_at": TS, "last_used_at": TS,
             "job_count": INT, "current": bool}
NOT_FOUND = "Session not found"
BAD_IDS = ("abc", "1.5", "-1", "0", "99999999", "99999999999999999999999", "1e3", "%20")


def new_session(u, body=None, **kw):
    return api("POST", "/api/sessions/new", body, token=u.token, **kw)


class NewSessionTest(ApiTestCase):

    def test_shape_and_binding(self):
        u = new_user()
        body = self.assertOk(new_session(u, {"name": "  Swords and shields  "}), 201)
        self.assertShape(body, NEW_SHAPE)
        self.assertEqual(body["message"], "New session created")
        self.assertEqual(body["session"]["name"], "Swords and shields")
        self.assertNotEqual(body["session"]["id"], u.session_id)
        # The new token is bound to the new session; the caller's stays where it was.
        self.assertValidToken(body["session"]["token"], body["session"]["id"])
        self.assertValidToken(u.token, u.session_id)
        self.assertNotEqual(body["session"]["token"], u.token)

    def test_names(self):
        u = new_user()
        cases = [(None, None), ({}, None), ({"name": None}, None), ({"name": ""}, None),
                 ({"name": " \t\n "}, None), ({"name": "x" * 255}, "x" * 255),
                 ({"name": " " + "y" * 255 + " "}, "y" * 255),
                 ({"name": "\u00e9" * 255}, "\u00e9" * 255),
                 ({"name": "\u2694\ufe0f Schwert \U0001F5E1 \"quoted\" \\ back"},
                  "\u2694\ufe0f Schwert \U0001F5E1 \"quoted\" \\ back")]
        for body, want in cases:
            with self.subTest(body=body if body is None else {k: v[:20] if isinstance(v, str)
                                                              else v for k, v in body.items()}):
                r = new_session(u, body)
                got = self.assertOk(r, 201)["session"]
                self.assertEqual(got["name"], want)
                shown = self.assertOk(api("GET", "/api/sessions/%d" % got["id"], token=u.token))
                self.assertEqual(shown["session"]["name"], want)

    def test_bad_names(self):
        u = new_user()
        before = psql("SELECT count(*) FROM sessions WHERE user_id = %d" % u.id)
        for name in ("z" * 256, 12, True, ["a"], {"a": 1}):
            with self.subTest(name=str(name)[:20]):
                self.assertError(new_session(u, {"name": name}), 400, "validation_error",
                                 field="name")
        self.assertEqual(psql("SELECT count(*) FROM sessions WHERE user_id = %d" % u.id), before)


class ListSessionsTest(ApiTestCase):

    def test_shape_order_and_current(self):
        u = new_user()
        ids = [u.session_id]
        for i in range(3):
            ids.append(self.assertOk(new_session(u, {"name": "s%d" % i}), 201)["session"]["id"])
        body = self.assertOk(api("GET", "/api/sessions", token=u.token))
        self.assertShape(body, {"success": bool, "sessions": list})
        sessions = body["sessions"]
        self.assertEqual(sorted(s["id"] for s in sessions), sorted(ids))
        for i, s in enumerate(sessions):
            self.assertShape(s, LIST_ITEM, "sessions[%d]" % i)
            self.assertEqual(s["job_count"], 0)
        self.assertEqual([s["id"] for s in sessions if s["current"]], [u.session_id])
        used = [parse_ts(s["last_used_at"]) for s in sessions]
        self.assertEqual(used, sorted(used, reverse=True), "most recently used first")

    def test_limit_and_offset(self):
        u = new_user()
        for i in range(4):
            new_session(u, {"name": "p%d" % i})
        full = self.assertOk(api("GET", "/api/sessions", token=u.token))["sessions"]
        self.assertEqual(len(full), 5)

        def page(query):
            return self.assertOk(api("GET", "/api/sessions?" + query, token=u.token))["sessions"]

        self.assertEqual([s["id"] for s in page("limit=2")], [s["id"] for s in full[:2]])
        self.assertEqual([s["id"] for s in page("limit=2&offset=2")],
                         [s["id"] for s in full[2:4]])
        self.assertEqual([s["id"] for s in page("offset=4")], [full[4]["id"]])
        self.assertEqual(page("offset=5"), [])
        self.assertEqual(len(page("limit=100")), 5)
        self.assertEqual(len(page("limit=1")), 1)
        for query in ("limit=0", "limit=101", "limit=-1", "limit=abc", "limit=", "limit=2.5",
                      "offset=-1", "offset=x", "limit=99999999999999999999"):
            with self.subTest(query=query):
                r = api("GET", "/api/sessions?" + query, token=u.token)
                self.assertError(r, 400, "validation_error")

    def test_only_ones_own_sessions(self):
        u, other = new_user(), new_user()
        mine = self.assertOk(api("GET", "/api/sessions", token=u.token))["sessions"]
        self.assertEqual([s["id"] for s in mine], [u.session_id])
        self.assertNotIn(other.session_id, [s["id"] for s in mine])


class ShowSessionTest(ApiTestCase):

    def test_show(self):
        u = new_user()
        sid = self.assertOk(new_session(u, {"name": "shown"}), 201)["session"]["id"]
        body = self.assertOk(api("GET", "/api/sessions/%d" % sid, token=u.token))
        self.assertShape(body, DETAIL_SHAPE)
        self.assertEqual((body["session"]["id"], body["session"]["name"]), (sid, "shown"))
        self.assertEqual(body["jobs"], [])

    def test_jobs_are_paged_oldest_first(self):
        u = new_user()
        # Finished jobs straight in the table: what is paged is the list, not the work.
        psql("INSERT INTO jobs (user_id, session_id, job_id, status, progress, prompt, logs, "
             "created_at, updated_at, task, image_count, images_ready, selected_image, "
             "image_variant, attempts, claim) SELECT %d, %d, gen_random_uuid()::text, 'failed', "
             "0, 'job ' || i, '[]', now() - (10 - i) * interval '1 minute', now(), 'generate', "
             "4, 0, 0, 0, 0, 0 FROM generate_series(1, 7) AS i" % (u.id, u.session_id))
        for path in ("/api/sessions/%d" % u.session_id, "/api/sessions/current/jobs"):
            with self.subTest(path=path):
                def page(query):
                    body = self.assertOk(api("GET", path + query, token=u.token))
                    self.assertShape(body, DETAIL_SHAPE)
                    return [j["prompt"] for j in body["jobs"]]

                everything = ["job %d" % i for i in range(1, 8)]
                self.assertEqual(page(""), everything)
                self.assertEqual(page("?limit=3"), everything[:3])
                self.assertEqual(page("?limit=3&offset=3"), everything[3:6])
                self.assertEqual(page("?offset=6"), everything[6:])
                self.assertEqual(page("?offset=7"), [])

    def test_current_jobs(self):
        u = new_user()
        body = self.assertOk(api("GET", "/api/sessions/current/jobs", token=u.token))
        self.assertShape(body, DETAIL_SHAPE)
        self.assertEqual(body["session"]["id"], u.session_id)
        self.assertEqual(body["jobs"], [])

    def test_unknown_ids(self):
        u = new_user()
        for sid in BAD_IDS:
            for method, suffix in (("GET", ""), ("PATCH", ""), ("DELETE", ""),
                                   ("POST", "/resume")):
                with self.subTest(method=method, id=sid):
                    r = api(method, "/api/sessions/%s%s" % (sid, suffix),
                            {"name": "x"} if method == "PATCH" else None, token=u.token)
                    self.assertError(r, 404, "not_found")
        self.assertAlive()


class RenameSessionTest(ApiTestCase):

    def rename(self, u, sid, body):
        return api("PATCH", "/api/sessions/%d" % sid, body, token=u.token)

    def test_rename(self):
        u = new_user()
        for name, want in (("  First name ", "First name"), (None, None), ("x" * 255, "x" * 255),
                           ("   ", None), ("\U0001F9F1 blocks", "\U0001F9F1 blocks")):
            with self.subTest(name=str(name)[:20]):
                body = self.assertOk(self.rename(u, u.session_id, {"name": name}))
                self.assertShape(body, {"success": bool, "message": str, "session": {
                    "id": INT, "name": NULLABLE_STR, "created_at": TS}})
                self.assertEqual(body["message"], "Session updated")
                self.assertEqual(body["session"]["name"], want)
                shown = self.assertOk(api("GET", "/api/sessions/%d" % u.session_id,
                                          token=u.token))
                self.assertEqual(shown["session"]["name"], want)

    def test_bad_renames_change_nothing(self):
        u = new_user()
        self.assertOk(self.rename(u, u.session_id, {"name": "kept"}))
        for body in ({"name": "n" * 256}, {"name": 5}, {"name": ["kept"]}, {}):
            with self.subTest(body=str(body)[:30]):
                self.assertError(self.rename(u, u.session_id, body), 400, "validation_error",
                                 field="name")
        shown = self.assertOk(api("GET", "/api/sessions/%d" % u.session_id, token=u.token))
        self.assertEqual(shown["session"]["name"], "kept")


class ResumeSessionTest(ApiTestCase):

    def test_resume_an_older_session(self):
        u = new_user()
        newer = self.assertOk(new_session(u, {"name": "newer"}), 201)["session"]
        # From the newer session's token, go back to the first one.
        r = api("POST", "/api/sessions/%d/resume" % u.session_id, token=newer["token"])
        body = self.assertOk(r, 201)
        self.assertShape(body, NEW_SHAPE)
        self.assertEqual(body["message"], "Session resumed")
        self.assertEqual(body["session"]["id"], u.session_id)
        self.assertNotIn(body["session"]["token"], (u.token, newer["token"]))
        self.assertValidToken(body["session"]["token"], u.session_id)
        # The caller's token still belongs to the newer session.
        self.assertValidToken(newer["token"], newer["id"])
        self.assertValidToken(u.token, u.session_id)


class DeleteSessionTest(ApiTestCase):

    def test_delete_revokes_its_tokens(self):
        u = new_user()
        other = self.assertOk(new_session(u, {"name": "doomed"}), 201)["session"]
        second = api("POST", "/api/sessions/%d/resume" % other["id"], token=u.token)
        second = self.assertOk(second, 201)["session"]["token"]
        r = api("DELETE", "/api/sessions/%d" % other["id"], token=u.token)
        body = self.assertOk(r)
        self.assertShape(body, {"success": bool, "message": str})
        self.assertEqual(body["message"], "Session deleted")
        self.assertInvalidToken(other["token"])
        self.assertInvalidToken(second)
        self.assertValidToken(u.token, u.session_id)
        self.assertError(api("GET", "/api/sessions/%d" % other["id"], token=u.token), 404,
                         "not_found", NOT_FOUND)
        self.assertError(api("DELETE", "/api/sessions/%d" % other["id"], token=u.token), 404,
                         "not_found", NOT_FOUND)
        self.assertEqual(psql("SELECT count(*) FROM session_tokens WHERE session_id = %d"
                              % other["id"]), "0")

    def test_delete_the_current_session(self):
        u = new_user()
        spare, spare_sid = u.login(new_session=True)
        self.assertOk(api("DELETE", "/api/sessions/%d" % u.session_id, token=u.token))
        self.assertInvalidToken(u.token)
        self.assertValidToken(spare, spare_sid)
        # The next login resumes what is left.
        self.assertEqual(u.login()[1], spare_sid)
