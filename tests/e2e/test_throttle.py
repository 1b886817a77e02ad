"""e2e: brute-force throttling, the limits on mail, trusted proxies, optional password quality,
token lifetimes and required verified addresses.

These run on a stack of their own with small limits and short delays, with 127.0.0.1 trusted as
a proxy: each test then plays clients at addresses of its own through X-Forwarded-For, so that
the per-address counters of one test never touch another's.
"""
import concurrent.futures
import itertools
import re
import time

from tests.e2e.api_test_case import ApiTestCase
from tests.kit import suite_stack
from tests.kit.api import api, sha256_hex, unique
from tests.kit.bcrypt import bcrypt
from tests.kit.prometheus import parse
from tests.kit.suite_stack import TEST_ENV, make_stack, psql, run_dir_name, stack

ACCOUNT_FAILURES = 5
ADDRESS_FAILURES = 30
BASE_DELAY = 2
MAX_DELAY = 8
REGISTRATIONS = 5
IDLE = 600
MAX_AGE = 3600
FORGOT_PER_ACCOUNT = 3
FORGOT_PER_ADDRESS = 10
RESEND_PER_ACCOUNT = 3

ENV = dict(TEST_ENV, **{
    "MODFORGE_THROTTLE_ACCOUNT_FAILURES": str(ACCOUNT_FAILURES),
    "MODFORGE_THROTTLE_ADDRESS_FAILURES": str(ADDRESS_FAILURES),
    "MODFORGE_THROTTLE_BASE_DELAY": str(BASE_DELAY),
    "MODFORGE_THROTTLE_MAX_DELAY": str(MAX_DELAY),
    "MODFORGE_THROTTLE_REGISTRATIONS_PER_ADDRESS": str(REGISTRATIONS),
    "MODFORGE_SECURITY_TRUSTED_PROXIES": "127.0.0.1, 10.9.0.0/16",
    "MODFORGE_SECURITY_PASSWORD_QUALITY": "true",
    "MODFORGE_SECURITY_LAST_USED_INTERVAL": "1",
    "MODFORGE_SECURITY_TOKEN_IDLE_TIMEOUT": str(IDLE),
    "MODFORGE_SECURITY_TOKEN_MAX_AGE": str(MAX_AGE),
    "MODFORGE_THROTTLE_FORGOT_PER_ACCOUNT": str(FORGOT_PER_ACCOUNT),
    "MODFORGE_THROTTLE_FORGOT_PER_ADDRESS": str(FORGOT_PER_ADDRESS),
    "MODFORGE_THROTTLE_RESEND_PER_ACCOUNT": str(RESEND_PER_ACCOUNT),
    # No worker runs here: what a request mails stays queued in the outbox, where these tests
    # count it and read the tokens.
    "MODFORGE_SECURITY_REQUIRE_VERIFIED_EMAIL": "true",
})

_own = None
_addresses = itertools.count(1)


def setUpModule():
    global _own
    _own = make_stack(run_dir_name("throttle"), handlers=2, workers=0, env=ENV)
    _own.start()
    suite_stack.use(_own)


def tearDownModule():
    suite_stack.use(None)
    if _own is not None:
        _own.stop()


def address():
    """A client address of this test's own (TEST-NET-3, 203.0.113.0/24 and beyond)."""
    n = next(_addresses)
    return "198.51.%d.%d" % (n // 250, n % 250 + 1)


def via(addr, **headers):
    return dict(headers, **{"X-Forwarded-For": addr})


def strong_password():
    # Fixed: a random one is now and then "too simplistic/systematic" for cracklib (a run of
    # hex digits such as "abcd"), and passwords need not be unique.
    return "Kq7#vT2!mZp9@Lw4"


def register(addr, name=None, password=None):
    name = name or unique()
    return api("POST", "/api/auth/register",
               {"username": name, "email": name + "@example.com",
                "password": password or strong_password()}, headers=via(addr))


def make_user(addr):
    name, password = unique(), strong_password()
    r = register(addr, name, password)
    assert r.status == 201, r
    return name, password


def login(name, password, addr):
    return api("POST", "/api/auth/login", {"username": name, "password": password},
               headers=via(addr))


class ThrottledTestCase(ApiTestCase):

    def assertThrottled(self, r, code="too_many_attempts"):
        self.assertError(r, 429, code)
        wait = int(r.headers.get("Retry-After", "0"))
        self.assertGreaterEqual(wait, 1, r.headers)
        self.assertIn("%d seconds" % wait, r.json["error"])
        return wait


class ThrottleTest(ThrottledTestCase):

    def test_account_lockout_doubles_and_hides_the_password(self):
        name, password = make_user(address())
        addr = address()
        for _ in range(ACCOUNT_FAILURES):
            self.assertError(login(name, "wrong password!", addr), 401, "invalid_credentials")
        # Locked: even the right password, from anywhere, gets the same 429.
        wrong = login(name, "wrong password!", address())
        right = login(name, password, address())
        self.assertEqual(self.assertThrottled(wrong), BASE_DELAY)
        self.assertLessEqual(self.assertThrottled(right), BASE_DELAY)
        self.assertEqual(wrong.json, right.json)

        # Retry-After is honest: a moment before it runs out, still locked; after it, not.
        time.sleep(BASE_DELAY + 0.2)
        self.assertError(login(name, "wrong password!", addr), 401, "invalid_credentials")
        self.assertEqual(self.assertThrottled(login(name, password, addr)), 2 * BASE_DELAY)
        time.sleep(2 * BASE_DELAY - 1)
        self.assertThrottled(login(name, password, addr))
        time.sleep(1.2)
        self.assertOk(login(name, password, addr))
        # Success cleared the account's counter: five more tries before a lock.
        for _ in range(ACCOUNT_FAILURES - 1):
            self.assertError(login(name, "wrong password!", addr), 401, "invalid_credentials")
        self.assertOk(login(name, password, addr))

    def test_the_delay_is_capped(self):
        name, password = make_user(address())
        delays = []
        for _ in range(ACCOUNT_FAILURES):
            login(name, "wrong password!", address())
        for _ in range(3):
            r = login(name, "wrong password!", address())
            wait = self.assertThrottled(r)
            delays.append(wait)
            # Put the lock's end in the past instead of sleeping it out.
            psql("UPDATE login_throttles SET locked_until = now() - interval '1 second' "
                 "WHERE scope = 'account' AND key = 'user:%s'"
                 % psql("SELECT id FROM users WHERE username = '%s'" % name))
            self.assertError(login(name, "wrong password!", address()), 401,
                             "invalid_credentials")
        self.assertEqual(delays, [BASE_DELAY, 2 * BASE_DELAY, 4 * BASE_DELAY])
        self.assertEqual(self.assertThrottled(login(name, password, address())), MAX_DELAY)

    def test_unknown_names_are_throttled_like_real_ones(self):
        real, _ = make_user(address())
        for name in (real, unique()):
            with self.subTest(real=name == real):
                for _ in range(ACCOUNT_FAILURES):
                    self.assertError(login(name, "wrong password!", address()), 401,
                                     "invalid_credentials")
                self.assertThrottled(login(name, "wrong password!", address()))
        self.assertEqual(psql("SELECT count(*) FROM login_throttles WHERE key LIKE '%%%s%%'"
                              % real.lower()), "0", "a login name was stored")

    def test_lockout_is_seen_by_every_handler_process(self):
        name, password = make_user(address())
        for _ in range(ACCOUNT_FAILURES):
            login(name, "wrong password!", address())
        with open(stack().log("fcgi.log")) as f:
            f.seek(0, 2)
            start = f.tell()
        before = parse(api("GET", "/metrics").text)
        with concurrent.futures.ThreadPoolExecutor(16) as pool:
            replies = list(pool.map(lambda _: login(name, password, address()), range(48)))
        for r in replies:
            self.assertThrottled(r)
        with open(stack().log("fcgi.log")) as f:
            f.seek(start)
            log = f.read()
        # A lockout is a warning: handled, but an operator watches for them.
        pids = set(re.findall(r"modforge-fcgi\[(\d+)\] warning: request [0-9a-f]{32}: "
                              r"login throttled", log))
        self.assertEqual(len(pids), 2, "throttled by %s" % pids)
        # /metrics counts all 48, whichever handler refused them.
        after = parse(api("GET", "/metrics").text)
        for sample, labels in (("modforge_throttled_total", {"limit": "login"}),
                               ("modforge_logins_total", {"outcome": "throttled"})):
            self.assertEqual(after.value(sample, **labels) - before.value(sample, **labels), 48,
                             sample)

    def test_a_throttled_attempt_runs_no_bcrypt(self):
        name, password = make_user(address())
        uid = psql("SELECT id FROM users WHERE username = '%s'" % name)
        # A hash so slow (cost 16) that verifying it would take seconds: a throttled attempt
        # that answers in a fraction of that cannot have run bcrypt.
        t0 = time.monotonic()
        slow = bcrypt(password, 16)
        bcrypt_seconds = time.monotonic() - t0
        psql("UPDATE users SET password_hash = '%s' WHERE id = %s" % (slow, uid))
        psql("INSERT INTO login_throttles (scope, key, events, first_event_at, last_event_at, "
             "locked_until) VALUES ('account', 'user:%s', %d, now(), now(), "
             "now() + interval '60 seconds')" % (uid, ACCOUNT_FAILURES))
        t0 = time.monotonic()
        self.assertThrottled(login(name, password, address()))
        took = time.monotonic() - t0
        print("     (throttled answer %.0f ms; one bcrypt at cost 16 %.0f ms)"
              % (took * 1000, bcrypt_seconds * 1000))
        self.assertLess(took, bcrypt_seconds / 4)
        # And the stored hash was not touched (no re-hash either).
        self.assertEqual(psql("SELECT password_hash FROM users WHERE id = %s" % uid), slow)

    def test_address_limit_spans_accounts(self):
        addr = address()
        for i in range(ADDRESS_FAILURES):
            r = login(unique(), "wrong password!", addr)
            self.assertError(r, 401, "invalid_credentials")
        name, password = make_user(address())
        self.assertThrottled(login(name, password, addr))
        # The same account from another address is fine.
        self.assertOk(login(name, password, address()))

    def test_failed_and_throttled_logins_are_in_the_security_log(self):
        name, password = make_user(address())
        for _ in range(ACCOUNT_FAILURES + 1):
            login(name, "wrong password!", address())
        psql("UPDATE login_throttles SET locked_until = NULL WHERE key = 'user:%s'"
             % psql("SELECT id FROM users WHERE username = '%s'" % name))
        token = self.assertOk(login(name, password, "10.9.3.4"))["session"]["token"]
        kinds = [e["kind"] for e in
                 self.assertOk(api("GET", "/api/auth/events", token=token))["events"]]
        self.assertEqual(kinds[:1], ["login"])
        self.assertEqual(kinds.count("login_failed"), ACCOUNT_FAILURES)
        self.assertEqual(kinds.count("login_throttled"), 1)

    def test_registration_is_limited_per_address(self):
        addr = address()
        for _ in range(REGISTRATIONS):
            self.assertOk(register(addr), 201)
        before = psql("SELECT count(*) FROM users")
        wait = self.assertThrottled(register(addr), "too_many_registrations")
        self.assertGreater(wait, 3000)
        self.assertEqual(psql("SELECT count(*) FROM users"), before)
        self.assertOk(register(address()), 201)


def queued_mail(user_id, subject):
    """The bodies of the user's queued mails about `subject`, oldest first."""
    out = psql("SELECT body FROM mail_outbox WHERE user_id = %d AND subject LIKE '%s%%' "
               "ORDER BY id" % (user_id, subject))
    return re.split(r"(?m)^(?=Hello )", out)[1:] if out else []


def user_id(name):
    return int(psql("SELECT id FROM users WHERE username_key = '%s'" % name.lower()))


class MailLimitTest(ThrottledTestCase):

    def forgot(self, login, addr):
        return api("POST", "/api/auth/password/forgot", {"email": login}, headers=via(addr))

    def test_reset_mails_per_account_then_the_same_answer_and_nothing(self):
        name, _ = make_user(address())
        replies = [self.forgot(name, address()) for _ in range(FORGOT_PER_ACCOUNT + 2)]
        for r in replies:
            self.assertEqual((r.status, r.text), (202, replies[0].text))
        self.assertEqual(len(queued_mail(user_id(name), "Reset")), FORGOT_PER_ACCOUNT)

    def test_reset_requests_per_address(self):
        addr = address()
        for _ in range(FORGOT_PER_ADDRESS):
            self.assertEqual(self.forgot(unique() + "@example.com", addr).status, 202)
        name, _ = make_user(address())
        wait = self.assertThrottled(self.forgot(name, addr), "too_many_mail_requests")
        self.assertGreater(wait, 3000)
        self.assertEqual(queued_mail(user_id(name), "Reset"), [])
        self.assertEqual(self.forgot(name, address()).status, 202)

    def test_verification_mails_asked_again_per_account(self):
        name, password = make_user(address())
        token = self.assertOk(login(name, password, address()))["session"]["token"]
        for _ in range(RESEND_PER_ACCOUNT):
            self.assertEqual(api("POST", "/api/auth/email/resend", token=token).status, 202)
        self.assertThrottled(api("POST", "/api/auth/email/resend", token=token),
                             "too_many_mail_requests")
        # The registration's mail and the three asked for.
        self.assertEqual(len(queued_mail(user_id(name), "Confirm")), 1 + RESEND_PER_ACCOUNT)

    def test_bad_tokens_are_counted_per_address_like_failed_logins(self):
        name, _ = make_user(address())
        self.assertEqual(self.forgot(name, address()).status, 202)
        token = re.search(r"#reset=([0-9a-f]{64})", queued_mail(user_id(name), "Reset")[0]).group(1)
        addr = address()
        for i in range(ADDRESS_FAILURES):
            body = {"token": "%064x" % i, "password": "a brand new password"}
            self.assertError(api("POST", "/api/auth/password/reset", body, headers=via(addr)),
                             400, "invalid_reset_token")
        # From that address every token now waits, a good one too, and verification as well.
        good = {"token": token, "password": "a brand new password"}
        self.assertThrottled(api("POST", "/api/auth/password/reset", good, headers=via(addr)))
        self.assertThrottled(api("POST", "/api/auth/email/verify", {"token": "0" * 64},
                                 headers=via(addr)))
        self.assertOk(api("POST", "/api/auth/password/reset", good, headers=via(address())))


class RequireVerifiedEmailTest(ApiTestCase):

    def test_an_unverified_account_can_do_all_but_queue_jobs(self):
        name, password = make_user(address())
        token = self.assertOk(login(name, password, address()))["session"]["token"]
        self.assertOk(api("GET", "/api/sessions", token=token))
        self.assertOk(api("POST", "/api/sessions/new", {"name": "x"}, token=token), 201)
        r = api("POST", "/api/generate-mod", {"prompt": "a sword"}, token=token)
        self.assertError(r, 403, "email_not_verified")
        self.assertEqual(psql("SELECT count(*) FROM jobs WHERE user_id = %d" % user_id(name)), "0")

        link = re.search(r"#verify=([0-9a-f]{64})", queued_mail(user_id(name), "Confirm")[0])
        self.assertOk(api("POST", "/api/auth/email/verify", {"token": link.group(1)},
                          headers=via(address())))
        self.assertOk(api("POST", "/api/generate-mod", {"prompt": "a sword"}, token=token), 202)


class TrustedProxyTest(ApiTestCase):

    def addresses_seen(self, token):
        return {t["ip_address"] for t in
                self.assertOk(api("GET", "/api/auth/tokens", token=token))["tokens"]}

    def test_forwarded_for_is_believed_from_trusted_proxies(self):
        name, password = make_user(address())
        cases = [("203.0.113.9", "203.0.113.9"),
                 # The client's own claims come first; the trusted proxy appended the truth.
                 ("6.6.6.6, 203.0.113.10", "203.0.113.10"),
                 # A chain of trusted proxies (10.9/16) is walked from the right.
                 ("203.0.113.11, 10.9.1.1, 10.9.1.2", "203.0.113.11"),
                 ("not an address", "127.0.0.1"),
                 ("203.0.113.12, garbage", "127.0.0.1"),
                 ("2001:db8::7", "2001:db8::7")]
        for xff, seen in cases:
            with self.subTest(xff=xff):
                r = api("POST", "/api/auth/login", {"username": name, "password": password},
                        headers={"X-Forwarded-For": xff})
                token = self.assertOk(r)["session"]["token"]
                mine = [t for t in self.assertOk(api("GET", "/api/auth/tokens",
                                                     token=token))["tokens"] if t["current"]]
                self.assertEqual(mine[0]["ip_address"], seen)


class PasswordQualityTest(ApiTestCase):

    def test_weak_passwords_are_refused_when_switched_on(self):
        name = unique()
        for weak in ("password123", "qwertyuiop", name + "123", "aaaaaaaaaa"):
            with self.subTest(password=weak):
                r = register(address(), name, weak)
                self.assertError(r, 400, "validation_error", field="password")
                self.assertIn("too weak", r.json["error"])
        self.assertOk(register(address(), name, strong_password()), 201)


class TokenLifetimeTest(ApiTestCase):
    """The test moves the tokens' clocks (their timestamps) instead of sleeping."""

    def age(self, token, column, seconds):
        psql("UPDATE session_tokens SET %s = now() - interval '%s seconds' WHERE token_hash = '%s'"
             % (column, seconds, sha256_hex(token)))

    def assertGone(self, token):
        self.assertInvalidToken(token)
        self.assertEqual(psql("SELECT count(*) FROM session_tokens WHERE token_hash = '%s'"
                              % sha256_hex(token)), "0", "an expired token was kept")

    def test_idle_timeout(self):
        name, password = make_user(address())
        token = self.assertOk(login(name, password, address()))["session"]["token"]
        self.age(token, "last_used_at", IDLE - 2)
        self.assertValidToken(token)            # and its use moves last_used_at to now
        self.age(token, "last_used_at", IDLE - 2)
        self.assertValidToken(token)
        self.age(token, "last_used_at", IDLE + 1)
        self.assertGone(token)

    def test_absolute_lifetime_however_busy(self):
        name, password = make_user(address())
        token = self.assertOk(login(name, password, address()))["session"]["token"]
        self.age(token, "created_at", MAX_AGE - 2)
        self.assertValidToken(token)
        self.age(token, "created_at", MAX_AGE + 1)
        self.age(token, "last_used_at", 0)      # used this very moment: still too old
        self.assertGone(token)
