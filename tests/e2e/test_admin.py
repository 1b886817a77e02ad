"""e2e: modforge-admin's account commands (create-user, disable-user, enable-user, list-users,
revoke-tokens, set-password, send-reset, stats) against the running stack: their output and exit codes, --help, usage
errors, and that what they do is what the API then sees.
"""
import os
import re
import subprocess

from tests.e2e.api_test_case import ApiTestCase
from tests.kit.api import (api, count_mail, generate, login_reply, new_user, next_mail,
                           reset_password, unique, wait_for_job)
from tests.kit.suite_stack import psql, stack

COMMANDS = ("migrate", "sweep", "create-user", "disable-user", "enable-user", "list-users",
            "revoke-tokens", "set-password", "send-reset", "stats")

EXIT_USAGE = 2
EXIT_SCHEMA_NEWER = 3
EXIT_SCHEMA_TOO_OLD = 4
EXIT_NO_SUCH_USER = 5
EXIT_ALREADY_EXISTS = 6
EXIT_INVALID_INPUT = 7


def admin(*args, stdin="", env=None):
    """Runs modforge-admin with `stdin` as its standard input (never the test's terminal)."""
    return subprocess.run([os.path.join(stack().bin_dir, "modforge-admin")] + list(args),
                          input=stdin, env=env or stack().env(), capture_output=True,
                          text=True, timeout=120)


def stats():
    """`modforge-admin stats` as a dict of name -> number."""
    r = admin("stats")
    assert r.returncode == 0, r.stderr
    return {k: int(v) for k, v in re.findall(r"^([a-z.]+): (\d+)$", r.stdout, re.M)}


def list_rows(*args):
    """`modforge-admin list-users` as (header, rows), each a list of cells."""
    r = admin("list-users", *args)
    assert r.returncode == 0, r.stderr
    lines = r.stdout.splitlines()
    return lines[0].split(), [line.split() for line in lines[1:]]


def files_on_disk():
    count = size = 0
    for folder, _, names in os.walk(os.path.join(stack().data_dir, "files")):
        for n in names:
            p = os.path.join(folder, n)
            if os.path.isfile(p) and not os.path.islink(p):
                count += 1
                size += os.path.getsize(p)
    return count, size


class AdminTestCase(ApiTestCase):

    def assertExit(self, r, code, stdout=None):
        """Exit `code`; a failure says why on stderr (and prints nothing on stdout)."""
        self.assertEqual(r.returncode, code, "stdout: %r\nstderr: %r" % (r.stdout, r.stderr))
        if code != 0:
            self.assertTrue(r.stderr.strip(), "exit %d without a message on stderr" % code)
            self.assertEqual(r.stdout, "")
        if stdout is not None:
            self.assertRegex(r.stdout, stdout)

    def create(self, username=None, email=None, password=None):
        """create-user through the admin; (username, email, password, completed process)."""
        username = username or unique("adm")
        email = email or username + "@example.com"
        password = password or "pw-" + unique()
        return username, email, password, admin("create-user", username, email,
                                                stdin=password + "\n")


class HelpAndUsageTest(AdminTestCase):

    def test_help_for_the_program_and_every_command(self):
        r = admin("--help")
        self.assertExit(r, 0)
        for c in COMMANDS:
            self.assertIn(c, r.stdout)
        for c in COMMANDS:
            for flag in ("--help", "-h"):
                r = admin(c, flag)
                self.assertExit(r, 0, r"^usage: modforge-admin " + c)
                self.assertIn("exit codes", r.stdout)

    def test_usage_errors(self):
        cases = [(), ("frobnicate",), ("migrate", "now"), ("sweep", "--now"),
                 ("create-user",), ("create-user", "alice"),
                 ("disable-user",), ("disable-user", "a", "b"), ("enable-user",),
                 ("revoke-tokens",), ("revoke-tokens", "a", "b"), ("stats", "--all"),
                 ("list-users", "--limit"), ("list-users", "--limit", "0"),
                 ("list-users", "--limit", "1001"), ("list-users", "--limit", "x"),
                 ("list-users", "--limit=-1"), ("list-users", "--offset", "-1"),
                 ("list-users", "--offset", "1e3"), ("list-users", "--sort", "id"),
                 ("list-users", "50"), ("set-password",), ("set-password", "a", "b"),
                 ("send-reset",), ("send-reset", "a", "b")]
        for args in cases:
            with self.subTest(args=args):
                r = admin(*args)
                self.assertExit(r, EXIT_USAGE)
                self.assertIn("usage: modforge-admin", r.stderr)

    def test_the_password_is_never_taken_from_the_command_line(self):
        name, password = unique("adm"), "pw-" + unique()
        r = admin("create-user", name, name + "@example.com", password, stdin=password + "\n")
        self.assertExit(r, EXIT_USAGE)
        self.assertIn("standard input", r.stderr)
        r = admin("create-user", name, name + "@example.com", "--password=" + password)
        self.assertExit(r, EXIT_USAGE)
        r = admin("set-password", name, password, stdin=password + "\n")
        self.assertExit(r, EXIT_USAGE)
        self.assertIn("standard input", r.stderr)
        self.assertEqual(psql("SELECT count(*) FROM users WHERE username_key = '%s'" % name), "0")
        self.assertEqual(login_reply(name, password).status, 401)


class CreateUserTest(AdminTestCase):

    def test_create_user_then_log_in_through_the_api(self):
        name, email, password, r = self.create()
        self.assertExit(r, 0, r"^\d+\n$")
        user_id = int(r.stdout)
        self.assertEqual(psql("SELECT username, email, is_active FROM users WHERE id = %d"
                              % user_id), "%s|%s|t" % (name, email))
        # The same security log entry as a registration, without address or user agent.
        self.assertEqual(psql("SELECT kind, ip_address IS NULL, user_agent IS NULL "
                              "FROM auth_events WHERE user_id = %d" % user_id), "register|t|t")
        # The configured bcrypt cost (the e2e stack uses 8).
        self.assertRegex(psql("SELECT password_hash FROM users WHERE id = %d" % user_id),
                         r"^\$2b\$08\$")
        for login in (name, name.upper(), email):
            reply = login_reply(login, password)
            body = self.assertOk(reply)
            self.assertEqual(body["user"]["id"], user_id)

    def test_only_the_first_line_of_stdin_is_the_password(self):
        name, password = unique("adm"), "pw-" + unique()
        r = admin("create-user", name, name + "@example.com",
                  stdin=password + "\r\nsomething else\n")
        self.assertExit(r, 0)
        self.assertOk(login_reply(name, password))
        # No newline at the end of the input is fine too.
        other, password2 = unique("adm"), "pw-" + unique()
        self.assertExit(admin("create-user", other, other + "@example.com", stdin=password2), 0)
        self.assertOk(login_reply(other, password2))

    def test_duplicates_exit_6(self):
        name, email, password, r = self.create()
        self.assertExit(r, 0)
        taken_name = admin("create-user", name.upper(), unique() + "@example.com",
                           stdin="pw-" + unique() + "\n")
        self.assertExit(taken_name, EXIT_ALREADY_EXISTS)
        self.assertIn("Username already exists", taken_name.stderr)
        taken_email = admin("create-user", unique("adm"), email.upper(),
                            stdin="pw-" + unique() + "\n")
        self.assertExit(taken_email, EXIT_ALREADY_EXISTS)
        self.assertIn("Email already exists", taken_email.stderr)
        # A user registered through the API is taken just the same.
        u = new_user()
        self.assertExit(admin("create-user", u.username, unique() + "@example.com",
                              stdin="pw-" + unique() + "\n"), EXIT_ALREADY_EXISTS)

    def test_bad_username_email_or_password_exit_7(self):
        name = unique("adm")
        email = name + "@example.com"
        cases = [
            (("ab", email), "pw-" + unique() + "\n", "username"),
            (("bad name!", email), "pw-" + unique() + "\n", "username"),
            (("x" * 51, email), "pw-" + unique() + "\n", "username"),
            ((name, "not-an-email"), "pw-" + unique() + "\n", "email"),
            ((name, "a@b"), "pw-" + unique() + "\n", "email"),
            ((name, email), "short\n", "password"),
            ((name, email), "p" * 73 + "\n", "password"),
            ((name, email), name.upper() + "\n", "password"),
            ((name, email), email + "\n", "password"),
            ((name, email), "\n", "password"),
            ((name, email), "", "password"),
        ]
        for args, stdin, word in cases:
            with self.subTest(args=args, stdin=stdin[:20]):
                r = admin("create-user", *args, stdin=stdin)
                self.assertExit(r, EXIT_INVALID_INPUT)
                self.assertIn(word, r.stderr)
        self.assertEqual(psql("SELECT count(*) FROM users WHERE username_key = '%s'" % name), "0")
        # 72 bytes is the limit, not one less.
        self.assertExit(admin("create-user", name, email, stdin="p" * 72 + "\n"), 0)
        self.assertOk(login_reply(name, "p" * 72))


def who(u):
    """How the admin names a user in what it prints, as a regular expression."""
    return re.escape("#%d %s <%s>" % (u.id, u.username, u.email))


class DisableEnableRevokeTest(AdminTestCase):

    def user_with_two_tokens(self):
        u = new_user()
        return u, [u.token, u.login(new_session=True)[0]]

    def test_disable_then_enable(self):
        u, tokens = self.user_with_two_tokens()
        r = admin("disable-user", u.username.upper())
        self.assertExit(r, 0, r"^disabled user %s; revoked 2 tokens\n$" % who(u))
        for token in tokens:
            self.assertInvalidToken(token)
        self.assertError(login_reply(u.username, u.password), 401, "invalid_credentials")
        self.assertEqual(psql("SELECT is_active FROM users WHERE id = %d" % u.id), "f")
        self.assertEqual(psql("SELECT count(*) FROM session_tokens WHERE user_id = %d" % u.id),
                         "0")
        # Sessions and jobs stay.
        self.assertEqual(psql("SELECT count(*) FROM sessions WHERE user_id = %d" % u.id), "2")

        again = admin("disable-user", "#%d" % u.id)
        self.assertExit(again, 0, r"already disabled; revoked 0 tokens")

        r = admin("enable-user", u.email.upper())
        self.assertExit(r, 0, r"^enabled user %s\n$" % who(u))
        token, _ = u.login()
        self.assertValidToken(token)
        again = admin("enable-user", u.username)
        self.assertExit(again, 0, r"is already enabled")
        self.assertValidToken(token)

    def test_revoke_tokens(self):
        u, tokens = self.user_with_two_tokens()
        r = admin("revoke-tokens", "#%d" % u.id)
        self.assertExit(r, 0, r"^revoked 2 tokens of user %s\n$" % who(u))
        for token in tokens:
            self.assertInvalidToken(token)
        # The account is not disabled: logging in again works.
        token, _ = u.login()
        self.assertValidToken(token)
        self.assertExit(admin("revoke-tokens", u.username), 0, r"^revoked 1 token of user")
        self.assertExit(admin("revoke-tokens", u.email), 0, r"^revoked 0 tokens of user")

    def test_an_unknown_user_exits_5_and_a_malformed_id_7(self):
        for command in ("disable-user", "enable-user", "revoke-tokens"):
            for who in (unique("nobody"), unique() + "@example.com", "#999999999"):
                with self.subTest(command=command, who=who):
                    r = admin(command, who)
                    self.assertExit(r, EXIT_NO_SUCH_USER)
                    self.assertIn("no such user", r.stderr)
            for who in ("#", "#0", "#abc", "#-1", "#1" + "0" * 20, ""):
                with self.subTest(command=command, who=who):
                    self.assertExit(admin(command, who), EXIT_INVALID_INPUT)

    def test_another_user_is_untouched(self):
        u, other = new_user(), new_user()
        self.assertExit(admin("disable-user", u.username), 0)
        self.assertExit(admin("revoke-tokens", u.username), 0)
        self.assertValidToken(other.token)
        self.assertOk(login_reply(other.username, other.password))


class ListUsersTest(AdminTestCase):

    def test_list_users_newest_first_with_counts(self):
        older, newer = new_user(), new_user()
        newer.login(new_session=True)
        job = generate(older)
        self.assertEqual(job.status, 202, job)
        wait_for_job(older, job.json["job_id"])
        header, rows = list_rows()
        self.assertEqual(header, ["id", "username", "email", "active", "created_at",
                                  "sessions", "jobs"])
        by_name = {row[1]: row for row in rows}
        self.assertEqual(by_name[older.username],
                         [str(older.id), older.username, older.email, "yes",
                          by_name[older.username][4], "1", "1"])
        self.assertEqual(by_name[newer.username][5:], ["2", "0"])
        self.assertRegex(by_name[older.username][4], r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$")
        names = [row[1] for row in rows]
        self.assertLess(names.index(newer.username), names.index(older.username))
        ids = [int(row[0]) for row in rows]
        self.assertEqual(ids, sorted(ids, reverse=True))

        self.assertExit(admin("disable-user", older.username), 0)
        _, rows = list_rows("--limit", "1000")
        self.assertEqual({row[1]: row for row in rows}[older.username][3], "no")

    def test_limit_and_offset(self):
        new_user()
        newest = new_user()
        _, rows = list_rows("--limit", "1")
        self.assertEqual([row[1] for row in rows], [newest.username])
        _, second = list_rows("--limit=1", "--offset=1")
        _, two = list_rows("--limit", "2")
        self.assertEqual(second, two[1:])
        _, none = list_rows("--offset", "999999999")
        self.assertEqual(none, [])
        _, default = list_rows()
        total = int(psql("SELECT count(*) FROM users"))
        self.assertEqual(len(default), min(50, total))


class StatsTest(AdminTestCase):

    def files_as_stats_and_disk_see_them(self):
        """"same" once stats and a walk in Python agree while nothing else writes (a job of an
        earlier test may still be finishing); else both views."""
        for _ in range(20):
            disk = files_on_disk()
            s = stats()
            if (s["files.count"], s["files.bytes"]) == disk == files_on_disk():
                return "same"
        return "stats %r, disk %r" % ((s["files.count"], s["files.bytes"]), disk)

    def test_counts_change_when_a_user_and_a_job_are_added(self):
        before = stats()
        for key in ("users.total", "users.active", "sessions", "tokens", "jobs.total",
                    "jobs.queued", "jobs.analyzing", "jobs.generating", "jobs.packaging",
                    "jobs.completed", "jobs.failed", "mail.queued", "mail.sending", "mail.sent",
                    "mail.failed", "files.count", "files.bytes"):
            self.assertIn(key, before)
        self.assertEqual(sum(v for k, v in before.items() if k.startswith("mail.")),
                         int(psql("SELECT count(*) FROM mail_outbox")))
        self.assertEqual(before["users.total"], int(psql("SELECT count(*) FROM users")))
        self.assertEqual(before["tokens"], int(psql("SELECT count(*) FROM session_tokens")))

        u = new_user()
        after_user = stats()
        self.assertEqual(after_user["users.total"], before["users.total"] + 1)
        self.assertEqual(after_user["users.active"], before["users.active"] + 1)
        self.assertEqual(after_user["sessions"], before["sessions"] + 1)
        self.assertEqual(after_user["tokens"], before["tokens"] + 1)
        mail = lambda s: sum(v for k, v in s.items() if k.startswith("mail."))  # noqa: E731
        self.assertEqual(mail(after_user), mail(before) + 1, "its verification mail")

        r = generate(u)
        self.assertEqual(r.status, 202, r)
        job = wait_for_job(u, r.json["job_id"])
        self.assertEqual(job["status"], "completed", job)
        after_job = stats()
        self.assertEqual(after_job["jobs.total"], before["jobs.total"] + 1)
        self.assertEqual(after_job["jobs.total"],
                         sum(v for k, v in after_job.items()
                             if k.startswith("jobs.") and k != "jobs.total"))
        self.assertGreater(after_job["files.count"], before["files.count"])
        self.assertGreater(after_job["files.bytes"], before["files.bytes"])
        self.assertEqual(self.files_as_stats_and_disk_see_them(), "same")

        self.assertExit(admin("disable-user", u.username), 0)
        disabled = stats()
        self.assertEqual(disabled["users.total"], after_job["users.total"])
        self.assertEqual(disabled["users.active"], after_job["users.active"] - 1)
        self.assertEqual(disabled["tokens"], after_job["tokens"] - 1)


class PasswordTest(AdminTestCase):

    def test_set_password_ends_every_login_and_mails_a_notice(self):
        u = new_user()
        notices = count_mail(u.email, "password was changed")
        r = admin("set-password", u.username.upper(), stdin="set by an operator\n")
        self.assertExit(r, 0, r"^set the password of user #%d %s <%s>; revoked 1 token; a "
                              r"notice is queued for %s\n$" % (u.id, u.username, u.email, u.email))
        self.assertInvalidToken(u.token)
        self.assertEqual(login_reply(u.username, u.password).status, 401)
        token = login_reply(u.username, "set by an operator").json["session"]["token"]
        events = api("GET", "/api/auth/events", token=token).json["events"]
        # Newest first; the operator's change has no client address.
        self.assertEqual([(e["kind"], e["ip_address"]) for e in events[:3]],
                         [("login", "127.0.0.1"), ("login_failed", "127.0.0.1"),
                          ("password_changed", None)])
        next_mail(u.email, "password was changed", notices)

    def test_set_password_refuses_what_register_refuses(self):
        u = new_user()
        for password in ("short", u.username, "p" * 73):
            with self.subTest(password=password):
                self.assertExit(admin("set-password", u.username, stdin=password + "\n"),
                                EXIT_INVALID_INPUT)
        self.assertExit(admin("set-password", "nobody-" + unique(), stdin="long enough!\n"),
                        EXIT_NO_SUCH_USER)
        self.assertExit(admin("set-password", "#x", stdin="long enough!\n"), EXIT_INVALID_INPUT)
        self.assertValidToken(u.token)
        self.assertEqual(login_reply(u.username, u.password).status, 200)

    def test_send_reset_mails_a_link_that_works(self):
        u = new_user()
        resets = count_mail(u.email, "Reset")
        r = admin("send-reset", "#%d" % u.id)
        self.assertExit(r, 0, r"^queued a password reset mail to %s for user #%d %s <%s>\n$"
                              % (u.email, u.id, u.username, u.email))
        token = next_mail(u.email, "Reset", resets).token("reset")
        self.assertOk(reset_password(token, "chosen after a reset"))
        self.assertEqual(login_reply(u.username, "chosen after a reset").status, 200)

    def test_send_reset_refuses_a_disabled_account(self):
        u = new_user()
        self.assertExit(admin("disable-user", u.username), 0)
        r = admin("send-reset", u.username)
        self.assertExit(r, 1)
        self.assertIn("disabled", r.stderr)
        self.assertEqual(psql("SELECT count(*) FROM mail_outbox WHERE user_id = %d AND "
                              "subject LIKE 'Reset%%'" % u.id), "0")
        self.assertExit(admin("send-reset", "nobody-" + unique()), EXIT_NO_SUCH_USER)


class DatabaseTest(AdminTestCase):
    """Against a database of another schema version, or none at all."""

    def test_schema_of_another_version_exits_3_or_4(self):
        db = "adm_" + unique()
        stack().psql_admin("CREATE DATABASE %s" % db)
        try:
            env = dict(stack().env(), MODFORGE_DATABASE_NAME=db)
            r = admin("stats", env=env)
            self.assertExit(r, EXIT_SCHEMA_TOO_OLD)
            self.assertIn("migrate", r.stderr)
            self.assertExit(admin("migrate", env=env), 0)
            self.assertExit(admin("list-users", env=env), 0)
            stack().psql("UPDATE schema_version SET version = 99", db)
            r = admin("disable-user", "someone", env=env)
            self.assertExit(r, EXIT_SCHEMA_NEWER)
            self.assertIn("newer", r.stderr)
        finally:
            stack().psql_admin("DROP DATABASE %s" % db)

    def test_an_unreachable_database_exits_1(self):
        env = dict(stack().env(), MODFORGE_DATABASE_HOST="/nonexistent",
                   MODFORGE_DATABASE_CONNECT_TIMEOUT="2")
        for args in (("stats",), ("list-users",), ("revoke-tokens", "someone")):
            with self.subTest(args=args):
                r = admin(*args, env=env)
                self.assertExit(r, 1)
                self.assertIn("cannot reach the database", r.stderr)
        r = admin("create-user", unique("adm"), unique() + "@example.com",
                  stdin="pw-" + unique() + "\n", env=env)
        self.assertExit(r, 1)
        self.assertIn("cannot reach the database", r.stderr)
