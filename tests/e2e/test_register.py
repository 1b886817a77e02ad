"""e2e: POST /api/auth/register — success shape, duplicates, username/email/password rules."""
from tests.e2e.api_test_case import ApiTestCase, INT, TS
from tests.kit.api import api, login_reply, register, unique
from tests.kit.suite_stack import BCRYPT_COST, psql


class RegisterTest(ApiTestCase):

    def test_success_shape(self):
        name = unique("Reg")
        r = register(name, name + "@Example.COM", "correct horse battery")
        body = self.assertOk(r, 201)
        self.assertShape(body, {"success": bool, "message": str, "user": {
            "id": INT, "username": str, "email": str, "email_verified": bool, "created_at": TS}})
        self.assertEqual(body["message"], "User registered successfully")
        self.assertIs(body["user"]["email_verified"], False)
        self.assertEqual(body["user"]["username"], name)
        # Emails are stored lower-case.
        self.assertEqual(body["user"]["email"], name.lower() + "@example.com")
        self.assertNotIn("correct horse", r.text)

    def test_stores_a_bcrypt_hash_of_the_configured_cost(self):
        name = unique()
        body = self.assertOk(register(name, password="stored as bcrypt"), 201)
        stored = psql("SELECT password_hash FROM users WHERE id = %d" % body["user"]["id"])
        self.assertTrue(stored.startswith("$2b$%02d$" % BCRYPT_COST), stored)
        self.assertEqual(len(stored), 60)

    def test_duplicate_username_any_case(self):
        name = unique("Dup")
        self.assertOk(register(name), 201)
        for other in (name, name.upper(), name.lower()):
            with self.subTest(username=other):
                r = register(other, unique() + "@example.com")
                self.assertError(r, 409, "username_taken", "Username already exists")

    def test_duplicate_email_any_case(self):
        email = unique("dup") + "@example.com"
        self.assertOk(register(email=email), 201)
        for other in (email, email.upper(), email.capitalize()):
            with self.subTest(email=other):
                r = register(unique(), other)
                self.assertError(r, 409, "email_taken", "Email already exists")

    def test_usernames(self):
        for name in ("A.b-c_" + unique(), unique().upper(), "9-" + unique()):
            with self.subTest(username=name):
                self.assertOk(register(name), 201)
        bad = ["ab", "a" * 51, "", "   ", "bad name", "bad/name", "bad@name", "na\u00efve",
               "tab\tx", "semi;colon", "quote'", "x\u0000y"]
        for name in bad:
            with self.subTest(username=name):
                r = register(name, unique() + "@example.com")
                self.assertError(r, 400, "validation_error", field="username")
        self.assertAlive()

    def test_username_length_bounds(self):
        # The database is fresh for every run, so even a 3-letter name is free.
        three = unique()[-3:]
        fifty = unique() + "x" * 37
        for name in (three, fifty):
            with self.subTest(length=len(name)):
                self.assertOk(register(name), 201)

    def test_emails(self):
        # Shapes, and what mail could not carry as it is (quotes, brackets, commas, non-ASCII,
        # labels and local parts over RFC 5321's lengths).
        bad = ["plain", "two@@example.com", "a@b@example.com", "nodot@localhost", "@example.com",
               "user@", "user@.com", "user@example.", "sp ace@example.com",
               "x" * 250 + "@example.com", "", "a<b>@example.com", "a,b@example.com",
               '"quoted"@example.com', "a\r\nbcc@example.com", "jos\u00e9@example.com",
               "a@b\u00fccher.example", "a@-example.com", "a@example-.com", "a..b@example.com",
               ".a@example.com", "a@[127.0.0.1]", "x" * 65 + "@example.com",
               "a@" + "d" * 64 + ".com"]
        for email in bad:
            with self.subTest(email=email[:40]):
                r = register(unique(), email)
                self.assertError(r, 400, "validation_error", field="email")
        # 255 bytes is still fine: the longest local part (64) and labels of 63.
        local = unique() + "x" * (64 - len(unique()))
        long_ok = local + "@" + "d" * 63 + "." + "e" * 63 + "." + "f" * 58 + ".com"
        self.assertEqual(len(long_ok), 255)
        self.assertOk(register(unique(), long_ok), 201)
        # Every character a dot-atom may hold.
        self.assertOk(register(unique(), unique() + "!#$%&'*+-/=?^_`{|}~@example.com"), 201)

    def test_password_length_in_bytes(self):
        cases = [
            ("7 bytes", "1234567", False),
            ("8 bytes", "12345678", True),
            ("72 bytes", "p" * 72, True),
            ("73 bytes", "p" * 73, False),
            ("72 bytes as 36 two-byte characters", "\u00e9" * 36, True),
            ("73 bytes in 37 characters", "\u00e9" * 36 + "x", False),
            ("72 bytes as 18 four-byte characters", "\U0001F600" * 18, True),
            ("76 bytes in 19 characters", "\U0001F600" * 19, False),
        ]
        for what, password, ok in cases:
            with self.subTest(what):
                name = unique()
                r = register(name, password=password)
                if not ok:
                    self.assertError(r, 400, "validation_error", field="password")
                    # A rejected registration leaves nothing behind.
                    self.assertEqual(psql("SELECT count(*) FROM users WHERE lower(username) = "
                                          "lower('%s')" % name), "0")
                    continue
                self.assertOk(r, 201)
                self.assertEqual(login_reply(name, password).status, 200)
                if len(password.encode()) == 72:
                    # Never truncated: the first 71 bytes are not the password.
                    cut = password.encode()[:71].decode("utf-8", "ignore")
                    self.assertError(login_reply(name, cut), 401, "invalid_credentials")

    def test_password_with_nul_is_rejected(self):
        r = register(unique(), password="abcd\u0000efgh")
        self.assertError(r, 400, "validation_error", field="password")

    def test_password_equal_to_username_or_email(self):
        name = unique()
        email = name + "@example.com"
        for pw in (name, email):
            with self.subTest(password=pw):
                r = register(name, email, pw)
                self.assertError(r, 400, "validation_error", field="password")
        self.assertOk(register(name, email, "something else"), 201)

    def test_missing_and_mistyped_fields(self):
        full = {"username": unique(), "email": unique() + "@example.com",
                "password": "long enough password"}
        for field in ("username", "email", "password"):
            for value in (None, 12345, True, ["x"], {"x": 1}, "<missing>"):
                with self.subTest(field=field, value=value):
                    body = dict(full)
                    if value == "<missing>":
                        del body[field]
                    else:
                        body[field] = value
                    r = api("POST", "/api/auth/register", body)
                    self.assertError(r, 400, "validation_error", field=field)
        # Nothing of that was created.
        self.assertEqual(psql("SELECT count(*) FROM users WHERE username = '%s'"
                              % full["username"]), "0")
        self.assertOk(api("POST", "/api/auth/register", full), 201)
