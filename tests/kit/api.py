"""modforge's API as the suites use it, against the stack the run talks to: requests, users,
jobs. Every request goes through CLIENT, the suites' one HTTP client."""
import hashlib
import uuid

from tests.kit import suite_stack
from tests.kit.http import Client
from tests.kit.waits import wait_until

USER_AGENT = "modforge-e2e/1.0"
CLIENT = Client(lambda: suite_stack.stack().port, USER_AGENT)
FINAL = ("completed", "failed")


def api(method, path, body=None, token=None, headers=None, raw=None, timeout=30):
    """One request to the stack's nginx; a Reply (see tests.kit.http.Client.request)."""
    return CLIENT.request(method, path, body, token=token, headers=headers, raw=raw,
                          timeout=timeout)


def sha256_hex(text):
    return hashlib.sha256(text.encode()).hexdigest()


def unique(prefix="u"):
    return "%s%s" % (prefix, uuid.uuid4().hex[:12])


class User:
    """A registered, logged-in user; .api() sends its token."""

    def __init__(self, username, email, password):
        self.username, self.email, self.password = username, email, password
        self.id = self.token = self.session_id = None

    def api(self, method, path, body=None, token=None, **kw):
        return api(method, path, body, token=token or self.token, **kw)

    def login(self, **extra):
        r = login_reply(self.username, self.password, **extra)
        assert r.status == 200, "login of %s failed: %r" % (self.username, r)
        return r.json["session"]["token"], r.json["session"]["id"]


def login_reply(username, password, **extra):
    """POST /api/auth/login with a username (or email) and password; the raw reply."""
    return api("POST", "/api/auth/login",
               dict({"username": username, "password": password}, **extra))


def register(username=None, email=None, password=None):
    """POST /api/auth/register; what is not given is made up (unique and valid)."""
    username = unique() if username is None else username
    return api("POST", "/api/auth/register", {
        "username": username,
        "email": unique() + "@example.com" if email is None else email,
        "password": "pw-" + uuid.uuid4().hex[:16] if password is None else password})


def new_user(prefix="u", password=None):
    """Registers a unique user and logs it in (its first session and token)."""
    u = User(unique(prefix), None, password or "pw-" + uuid.uuid4().hex[:16])
    u.email = u.username + "@example.com"
    r = register(u.username, u.email, u.password)
    assert r.status == 201, "register failed: %r" % (r,)
    u.id = r.json["user"]["id"]
    u.token, u.session_id = u.login()
    return u


def generate(user, prompt="a glowing blue sword of frost", **extra):
    """POST /api/generate-mod as user; the raw reply."""
    return user.api("POST", "/api/generate-mod", dict({"prompt": prompt}, **extra))


def job_status(user, job_id):
    r = user.api("GET", "/api/status/" + job_id)
    assert r.status == 200, "status of %s: %r" % (job_id, r)
    return r.json["job"]


def wait_for_job(user, job_id, statuses=FINAL, timeout=30):
    """Polls the job's status until it is one of `statuses`; the job, or an AssertionError."""
    seen = []

    def reached():
        j = job_status(user, job_id)
        seen.append(j["status"])
        return j if j["status"] in statuses else None
    j = wait_until(reached, timeout, 0.05)
    assert j, "job %s never reached %s; statuses seen: %s" % (job_id, statuses, seen[-5:])
    return j


def job_row(job_id):
    """The job's claim bookkeeping as the database has it: (attempts, claim, status)."""
    a, c, s = suite_stack.psql("SELECT attempts, claim, status FROM jobs WHERE job_id = '%s'"
                               % job_id).split("|")
    return int(a), int(c), s


# ---- mail -------------------------------------------------------------------------------------
def mailbox():
    """What the stack's SMTP sink received (tests.kit.mailbox.Mailbox)."""
    return suite_stack.stack().mailbox


def forgot(login, **kw):
    """POST /api/auth/password/forgot with an email or username; the raw reply."""
    return api("POST", "/api/auth/password/forgot", {"email": login}, **kw)


def reset_password(token, password, **kw):
    """POST /api/auth/password/reset; the raw reply."""
    return api("POST", "/api/auth/password/reset", {"token": token, "password": password}, **kw)


def verify_email(token, **kw):
    """POST /api/auth/email/verify; the raw reply."""
    return api("POST", "/api/auth/email/verify", {"token": token}, **kw)


def count_mail(to, subject=None):
    """How many mails to `to` (about `subject`) the sink has: take it before a request, and
    give it to next_mail after."""
    return len(mailbox().messages(to, subject))


def next_mail(to, subject, after=0, timeout=15):
    """The mail to `to` about `subject` that follows the `after` such mails there were before,
    once it has arrived."""
    return mailbox().wait_for(to, subject, after + 1, timeout)[after]
