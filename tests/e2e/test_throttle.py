"""e2e: brute-force throttling of every password check, taken-name answers, the limits on mail,
trusted proxies, optional password quality, token lifetimes and required verified addresses.

These run on a stack of their own with small limits and short delays, with 127.0.0.1 trusted as
a proxy: each test plays clients at addresses of its own through X-Forwarded-For, or, where many
of them send at once, from 127.x source addresses of their own (nginx counts requests in
progress per connecting address), so that the counters of one test never touch another's.
"""
import concurrent.futures
import itertools
import os
import re
import subprocess
import threading
import time

from tests.e2e.api_test_case import ApiTestCase
from tests.kit import suite_stack
from tests.kit.api import USER_AGENT, api, sha256_hex, unique
from tests.kit.bcrypt import bcrypt
from tests.kit.http import Client
from tests.kit.parallel import in_parallel
from tests.kit.prometheus import parse
from tests.kit.suite_stack import TEST_ENV, make_stack, psql, run_dir_name, stack

PAIR_FAILURES = 5
ACCOUNT_FAILURES = 20
ADDRESS_FAILURES = 30
# Long enough that no lock runs out while a test sends its requests, however busy the machine:
# a test that needs a lock to end moves its end instead of sleeping.
BASE_DELAY = 30
MAX_DELAY = 120
REGISTRATIONS = 5
CONFLICTS = 4
IDLE = 600
MAX_AGE = 3600
KNOWN_ADDRESS_AGE = 86400
FORGOT_PER_ACCOUNT = 3
FORGOT_PER_ADDRESS = 10
RESEND_PER_ACCOUNT = 3

ENV = dict(TEST_ENV, **{
    "MODFORGE_THROTTLE_PAIR_FAILURES": str(PAIR_FAILURES),
    "MODFORGE_THROTTLE_ACCOUNT_FAILURES": str(ACCOUNT_FAILURES),
    "MODFORGE_THROTTLE_ADDRESS_FAILURES": str(ADDRESS_FAILURES),
    "MODFORGE_THROTTLE_BASE_DELAY": str(BASE_DELAY),
    "MODFORGE_THROTTLE_MAX_DELAY": str(MAX_DELAY),
    "MODFORGE_THROTTLE_KNOWN_ADDRESS_AGE": str(KNOWN_ADDRESS_AGE),
    "MODFORGE_THROTTLE_REGISTRATIONS_PER_ADDRESS": str(REGISTRATIONS),
    "MODFORGE_THROTTLE_CONFLICTS_PER_ADDRESS": str(CONFLICTS),
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
_sources = itertools.count(2)
# Requests from a 127.x source address of their own (not a trusted proxy: the address is the
# client's), checked against docs/openapi.yaml like every other.
DIRECT = Client(lambda: stack().port, USER_AGENT, timeout=60)


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
    """A client address of this test's own (TEST-NET-2, 198.51.0.0/16 and beyond)."""
    n = next(_addresses)
    return "198.51.%d.%d" % (n // 250, n % 250 + 1)


def source():
    """A 127.x source address of this test's own (127.0.0.1, the trusted proxy, excepted)."""
    n = next(_sources)
    return "127.%d.%d.%d" % (n // 62500 % 250 + 1, n // 250 % 250, n % 250 + 1)


def via(addr, **headers):
    return dict(headers, **{"X-Forwarded-For": addr})


def strong_password():
    # Fixed: a random one is now and then "too simplistic/systematic" for cracklib (a run of
    # hex digits such as "abcd"), and passwords need not be unique.
    return "Kq7#vT2!mZp9@Lw4"


def register(addr, name=None, password=None, email=None):
    name = name or unique()
    return api("POST", "/api/auth/register",
               {"username": name, "email": email or name + "@example.com",
                "password": password or strong_password()}, headers=via(addr))


def make_user(addr):
    name, password = unique(), strong_password()
    r = register(addr, name, password)
    assert r.status == 201, r
    return name, password


def login(name, password, addr):
    return api("POST", "/api/auth/login", {"username": name, "password": password},
               headers=via(addr))


def login_from(name, password, src):
    return DIRECT.request("POST", "/api/auth/login", {"username": name, "password": password},
                          source=src)


def user_id(name):
    return int(psql("SELECT id FROM users WHERE username_key = '%s'" % name.lower()))


def end_lock_in(key, seconds, scope="pair"):
    """Moves the end of a counter's lock to `seconds` from now (0: it has just ended)."""
    psql("UPDATE login_throttles SET locked_until = now() + interval '%f seconds' "
         "WHERE scope = '%s' AND key = '%s'" % (seconds - (1 if seconds == 0 else 0), scope,
                                                key))


class ThrottleCase(ApiTestCase):

    def assertThrottled(self, r, code="too_many_attempts"):
        self.assertError(r, 429, code)
        wait = int(r.headers.get("Retry-After", "0"))
        self.assertGreaterEqual(wait, 1, r.headers)
        self.assertIn("%d seconds" % wait, r.json["error"])
        return wait


class PairLimitTest(ThrottleCase):
    """Failed password checks of one account from one address lock that address only."""

    def test_lockout_doubles_refuses_that_address_only_and_hides_the_password(self):
        name, password = make_user(address())
        addr = address()
        for _ in range(PAIR_FAILURES):
            self.assertError(login(name, "wrong password!", addr), 401, "invalid_credentials")
        # Locked for this address: even the right password gets the same 429.
        wrong = login(name, "wrong password!", addr)
        right = login(name, password, addr)
        self.assertEqual(self.assertThrottled(wrong), BASE_DELAY)
        self.assertLessEqual(self.assertThrottled(right), BASE_DELAY)
        self.assertEqual(wrong.json, right.json)
        # Another address is not this pair: the owner logs in from it.
        self.assertOk(login(name, password, address()))

        # Retry-After is honest: with the lock's end moved to 1.5 s from now, it says 2; a
        # moment before the end the address is still refused, after it not.
        key = "user:%s@%s" % (user_id(name), addr)
        end_lock_in(key, 1.5)
        self.assertEqual(self.assertThrottled(login(name, password, addr)), 2)
        time.sleep(0.8)
        self.assertThrottled(login(name, password, addr))
        time.sleep(1.0)
        # The next failure doubles the lock.
        self.assertError(login(name, "wrong password!", addr), 401, "invalid_credentials")
        self.assertEqual(self.assertThrottled(login(name, password, addr)), 2 * BASE_DELAY)
        end_lock_in(key, 0)
        self.assertOk(login(name, password, addr))
        # The right password cleared the pair's count: five more tries before a lock.
        for _ in range(PAIR_FAILURES - 1):
            self.assertError(login(name, "wrong password!", addr), 401, "invalid_credentials")
        self.assertOk(login(name, password, addr))

    def test_the_delay_is_capped(self):
        name, password = make_user(address())
        addr = address()
        delays = []
        for _ in range(PAIR_FAILURES):
            login(name, "wrong password!", addr)
        for _ in range(3):
            delays.append(self.assertThrottled(login(name, "wrong password!", addr)))
            # Put the lock's end in the past instead of sleeping it out.
            end_lock_in("user:%s@%s" % (user_id(name), addr), 0)
            self.assertError(login(name, "wrong password!", addr), 401, "invalid_credentials")
        self.assertEqual(delays, [BASE_DELAY, 2 * BASE_DELAY, 4 * BASE_DELAY])
        self.assertEqual(self.assertThrottled(login(name, password, addr)), MAX_DELAY)

    def test_unknown_names_are_throttled_like_real_ones(self):
        real, _ = make_user(address())
        for name in (real, unique()):
            with self.subTest(real=name == real):
                addr = address()
                for _ in range(PAIR_FAILURES):
                    self.assertError(login(name, "wrong password!", addr), 401,
                                     "invalid_credentials")
                self.assertThrottled(login(name, "wrong password!", addr))
        self.assertEqual(psql("SELECT count(*) FROM login_throttles WHERE key LIKE '%%%s%%'"
                              % real.lower()), "0", "a login name was stored")

    def test_lockout_is_seen_by_every_handler_process(self):
        name, password = make_user(address())
        addr = address()
        for _ in range(PAIR_FAILURES):
            login(name, "wrong password!", addr)
        with open(stack().log("fcgi.log")) as f:
            f.seek(0, 2)
            start = f.tell()
        before = parse(api("GET", "/metrics").text)
        with concurrent.futures.ThreadPoolExecutor(16) as pool:
            replies = list(pool.map(lambda _: login(name, password, addr), range(48)))
        for r in replies:
            self.assertThrottled(r)
        with open(stack().log("fcgi.log")) as f:
            f.seek(start)
            log = f.read()
        # A lockout is a warning: handled, but an operator watches for them.
        pids = set(re.findall(r"modforge-fcgi\[(\d+)\] warning: request [0-9a-f]{32}: "
                              r"password check throttled", log))
        self.assertEqual(len(pids), 2, "throttled by %s" % pids)
        # /metrics counts all 48, whichever handler refused them.
        after = parse(api("GET", "/metrics").text)
        for sample, labels in (("modforge_throttled_total", {"limit": "login"}),
                               ("modforge_logins_total", {"outcome": "throttled"})):
            self.assertEqual(after.value(sample, **labels) - before.value(sample, **labels), 48,
                             sample)

    def test_a_throttled_attempt_runs_no_bcrypt(self):
        name, password = make_user(address())
        uid = user_id(name)
        addr = address()
        # A hash so slow (cost 16) that verifying it would take seconds: a throttled attempt
        # that answers in a fraction of that cannot have run bcrypt.
        t0 = time.monotonic()
        slow = bcrypt(password, 16)
        bcrypt_seconds = time.monotonic() - t0
        psql("UPDATE users SET password_hash = '%s' WHERE id = %s" % (slow, uid))
        psql("INSERT INTO login_throttles (scope, key, events, first_event_at, last_event_at, "
             "locked_until) VALUES ('pair', 'user:%s@%s', %d, now(), now(), "
             "now() + interval '60 seconds')" % (uid, addr, PAIR_FAILURES))
        t0 = time.monotonic()
        self.assertThrottled(login(name, password, addr))
        took = time.monotonic() - t0
        print("     (throttled answer %.0f ms; one bcrypt at cost 16 %.0f ms)"
              % (took * 1000, bcrypt_seconds * 1000))
        self.assertLess(took, bcrypt_seconds / 4)
        # And the stored hash was not touched (no re-hash either).
        self.assertEqual(psql("SELECT password_hash FROM users WHERE id = %s" % uid), slow)

    def test_ipv6_clients_count_by_their_64(self):
        name, password = make_user(address())
        # Every guess from a new address of one /64: one pair all the same.
        for i in range(1, PAIR_FAILURES + 1):
            self.assertError(login(name, "wrong password!", "2001:db8:7:1::%x" % i), 401,
                             "invalid_credentials")
        self.assertThrottled(login(name, password, "2001:db8:7:1:ffff::1"))
        self.assertOk(login(name, password, "2001:db8:7:2::1"))
        self.assertEqual(psql("SELECT count(*) FROM login_throttles WHERE scope = 'pair' AND "
                              "key = 'user:%s@2001:db8:7:1::/64'" % user_id(name)), "1")


class AccountLimitTest(ThrottleCase):
    """Failed checks of one account from all addresses refuse only the addresses that have not
    logged in to it lately: the owner keeps logging in while others guess."""

    def test_a_new_address_is_refused_and_a_known_one_is_not(self):
        name, password = make_user(address())
        known = address()
        self.assertOk(login(name, password, known))
        # Four addresses, five guesses each: the account's twenty.
        for _ in range(ACCOUNT_FAILURES // PAIR_FAILURES):
            addr = address()
            for _ in range(PAIR_FAILURES):
                self.assertError(login(name, "wrong password!", addr), 401,
                                 "invalid_credentials")
        fresh = address()
        refused = login(name, password, fresh)
        self.assertEqual(self.assertThrottled(refused), BASE_DELAY)
        self.assertThrottled(login(name, "wrong password!", address()))
        # The owner, from where they logged in before: right in, the guesses did not count
        # against that address.
        self.assertOk(login(name, password, known))
        # A known address grows old: then it is a new address like any other.
        psql("UPDATE known_addresses SET last_login_at = now() - interval '%d seconds' "
             "WHERE user_id = %s" % (KNOWN_ADDRESS_AGE + 60, user_id(name)))
        self.assertThrottled(login(name, password, known))
        psql("UPDATE known_addresses SET last_login_at = now() WHERE user_id = %s"
             % user_id(name))
        # The lock ends for everyone when its time is up; the fresh address gets in.
        end_lock_in("user:%s" % user_id(name), 0, scope="account")
        self.assertOk(login(name, password, fresh))

    def test_the_owner_logs_in_while_25_addresses_guess(self):
        name, password = make_user(address())
        home = source()
        self.assertOk(login_from(name, password, home))
        guessers = [source() for _ in range(25)]
        stop = threading.Event()
        owner = []

        def owner_logs_in():
            while not stop.is_set():
                owner.append(login_from(name, password, home))
                time.sleep(0.05)

        def guess(src):
            return [login_from(name, "wrong password %d" % i, src)
                    for i in range(PAIR_FAILURES + 1)]

        t = threading.Thread(target=owner_logs_in)
        t.start()
        try:
            guesses = [r for replies in in_parallel([lambda s=s: guess(s) for s in guessers])
                       for r in replies]
        finally:
            stop.set()
            t.join()
        statuses = {}
        for r in guesses:
            statuses[r.status] = statuses.get(r.status, 0) + 1
        print("     (%d guesses from 25 addresses: %s; the owner logged in %d times meanwhile)"
              % (len(guesses), statuses, len(owner)))
        # Exactly the account's limit of guesses were tried; the rest never reached bcrypt.
        self.assertEqual(statuses, {401: ACCOUNT_FAILURES,
                                    429: len(guesses) - ACCOUNT_FAILURES})
        for r in guesses:
            if r.status == 429:
                self.assertThrottled(r)
        self.assertGreater(len(owner), 0)
        for r in owner:
            self.assertOk(r)
        # And after the attack, the owner still, and a new address not yet.
        self.assertOk(login_from(name, password, home))
        self.assertThrottled(login_from(name, password, source()))


class ParallelTest(ThrottleCase):
    """A check and its count are one statement: guesses in parallel cannot pass a limit."""

    def test_parallel_guesses_never_exceed_the_limit(self):
        name, _ = make_user(address())
        src = source()
        replies = in_parallel([lambda: login_from(name, "wrong password!", src)] * 40)
        self.assertEqual(sorted(r.status for r in replies),
                         [401] * PAIR_FAILURES + [429] * (40 - PAIR_FAILURES))
        self.assertEqual(psql("SELECT events FROM login_throttles WHERE scope = 'pair' AND "
                              "key = 'user:%s@%s'" % (user_id(name), src)), str(PAIR_FAILURES))

        # From 60 addresses at once, one guess each: the account's limit, not one more.
        other, _ = make_user(address())
        sources = [source() for _ in range(60)]
        replies = in_parallel([lambda s=s: login_from(other, "wrong password!", s)
                               for s in sources])
        self.assertEqual(sorted(r.status for r in replies),
                         [401] * ACCOUNT_FAILURES + [429] * (60 - ACCOUNT_FAILURES))

    def test_parallel_password_confirmations_never_exceed_the_limit(self):
        name, password = make_user(address())
        token = self.assertOk(login(name, password, address()))["session"]["token"]
        src = source()
        replies = in_parallel([lambda: DIRECT.request("POST", "/api/auth/logout-all",
                                                      {"password": "wrong password!"},
                                                      token=token, source=src)] * 30)
        self.assertEqual(sorted(r.status for r in replies),
                         [403] * PAIR_FAILURES + [429] * (30 - PAIR_FAILURES))


class PasswordCheckTest(ThrottleCase):
    """The current password that confirms a change is a login attempt like any other."""

    def test_confirmations_count_with_logins(self):
        name, password = make_user(address())
        addr = address()
        token = self.assertOk(login(name, password, address()))["session"]["token"]
        checks = [("PATCH", "/api/auth/me", {"email": unique() + "@example.com",
                                             "current_password": "wrong password!"}),
                  ("DELETE", "/api/auth/me", {"password": "wrong password!"}),
                  ("POST", "/api/auth/logout-all", {"password": "wrong password!"}),
                  ("PATCH", "/api/auth/me", {"username": unique(),
                                             "current_password": "wrong password!"})]
        for method, path, body in checks:
            self.assertError(api(method, path, body, token=token, headers=via(addr)), 403,
                             "invalid_password")
        # The fifth failure is a login: the pair is full.
        self.assertError(login(name, "wrong password!", addr), 401, "invalid_credentials")
        for method, path, body in checks:
            with self.subTest(method=method, path=path):
                right = dict(body)
                right["current_password" if "current_password" in body else "password"] = password
                self.assertThrottled(api(method, path, right, token=token, headers=via(addr)))
        self.assertThrottled(login(name, password, addr))
        # From elsewhere, the right password works.
        self.assertOk(api("POST", "/api/auth/logout-all", {"password": password}, token=token,
                          headers=via(address())))
        kinds = [e["kind"] for e in self.assertOk(api("GET", "/api/auth/events",
                                                      token=token))["events"]]
        self.assertEqual(kinds.count("password_check_failed"), 4)
        self.assertEqual(kinds.count("login_failed"), 1)


class SecurityLogTest(ThrottleCase):

    def test_refusals_are_logged_once_per_lock(self):
        name, password = make_user(address())
        addr = address()
        for _ in range(PAIR_FAILURES):
            login(name, "wrong password!", addr)
        for _ in range(10):
            self.assertThrottled(login(name, "wrong password!", addr))
        # The lock ends; one more failure locks again: one more entry, however many refusals.
        end_lock_in("user:%s@%s" % (user_id(name), addr), 0)
        self.assertError(login(name, "wrong password!", addr), 401, "invalid_credentials")
        for _ in range(10):
            self.assertThrottled(login(name, password, addr))
        token = self.assertOk(login(name, password, "10.9.3.4"))["session"]["token"]
        kinds = [e["kind"] for e in
                 self.assertOk(api("GET", "/api/auth/events", token=token))["events"]]
        self.assertEqual(kinds[:1], ["login"])
        self.assertEqual(kinds.count("login_failed"), PAIR_FAILURES + 1)
        self.assertEqual(kinds.count("login_throttled"), 2)


class AddressLimitTest(ThrottleCase):

    def test_address_limit_spans_accounts(self):
        addr = address()
        for i in range(ADDRESS_FAILURES):
            r = login(unique(), "wrong password!", addr)
            self.assertError(r, 401, "invalid_credentials")
        name, password = make_user(address())
        self.assertThrottled(login(name, password, addr))
        # The same account from another address is fine.
        self.assertOk(login(name, password, address()))


class RegistrationTest(ThrottleCase):

    def test_registration_is_limited_per_address(self):
        addr = address()
        for _ in range(REGISTRATIONS):
            self.assertOk(register(addr), 201)
        before = psql("SELECT count(*) FROM users")
        wait = self.assertThrottled(register(addr), "too_many_registrations")
        self.assertGreater(wait, 3000)
        self.assertEqual(psql("SELECT count(*) FROM users"), before)
        self.assertOk(register(address()), 201)

    def test_a_refused_registration_does_not_count(self):
        taken, _ = make_user(address())
        addr = address()
        # Registrations that meet a taken name make no account: they give their count back.
        for _ in range(CONFLICTS - 1):
            self.assertError(register(addr, taken), 409, "username_taken")
        for _ in range(REGISTRATIONS):
            self.assertOk(register(addr), 201)
        self.assertThrottled(register(addr), "too_many_registrations")

    def test_taken_answers_are_limited_per_address(self):
        addr = address()
        taken, password = make_user(address())
        for i in range(CONFLICTS):
            r = (register(addr, taken) if i % 2 == 0
                 else register(addr, email=taken.lower() + "@example.com"))
            self.assertError(r, 409, "username_taken" if i % 2 == 0 else "email_taken")
        # Past the limit every registration from here is refused, taken or free: 201 and
        # 409 no longer tell names apart.
        self.assertThrottled(register(addr, taken), "too_many_conflicts")
        self.assertThrottled(register(addr), "too_many_conflicts")
        self.assertOk(register(address(), unique()), 201)
        # A name change that would answer "taken" counts the same, and is refused the same.
        token = self.assertOk(login(taken, password, address()))["session"]["token"]
        other, _ = make_user(address())
        self.assertThrottled(api("PATCH", "/api/auth/me", {"username": other,
                                                          "current_password": password},
                                 token=token, headers=via(addr)), "too_many_conflicts")
        mover = address()
        for _ in range(CONFLICTS):
            self.assertError(api("PATCH", "/api/auth/me", {"username": other,
                                                          "current_password": password},
                                 token=token, headers=via(mover)), 409, "username_taken")
        self.assertThrottled(api("PATCH", "/api/auth/me", {"username": unique(),
                                                          "current_password": password},
                                 token=token, headers=via(mover)), "too_many_conflicts")

    def test_parallel_taken_answers_never_exceed_the_limit(self):
        taken, _ = make_user(address())
        addr = address()
        replies = in_parallel([lambda: register(addr, taken)] * 20)
        self.assertEqual(sorted(r.status for r in replies),
                         [409] * CONFLICTS + [429] * (20 - CONFLICTS))


class SweepTest(ThrottleCase):
    """modforge-admin sweep prunes counters past their window, old known addresses and old
    security log entries, and only those."""

    def sweep(self, *args):
        r = subprocess.run([os.path.join(stack().bin_dir, "modforge-admin"), "sweep"] +
                           list(args), env=stack().env(), capture_output=True, text=True,
                           timeout=60)
        self.assertEqual(r.returncode, 0, r.stderr)
        return r.stdout

    def test_sweep_prunes_what_is_past_its_time(self):
        name, password = make_user(address())
        uid = user_id(name)
        old, recent = address(), address()
        for addr in (old, recent):
            self.assertOk(login(name, password, addr))
            self.assertError(login(name, "wrong password!", addr), 401, "invalid_credentials")
        # Past their time: one pair counter (its window), one known address, one log entry.
        psql("UPDATE login_throttles SET last_event_at = now() - interval '901 seconds', "
             "first_event_at = now() - interval '901 seconds' "
             "WHERE scope = 'pair' AND key = 'user:%s@%s'" % (uid, old))
        psql("UPDATE known_addresses SET last_login_at = now() - interval '%d seconds' "
             "WHERE user_id = %s AND address = '%s'" % (KNOWN_ADDRESS_AGE + 1, uid, old))
        psql("UPDATE auth_events SET time = now() - interval '366 days' WHERE id = "
             "(SELECT min(id) FROM auth_events WHERE user_id = %s)" % uid)
        before = psql("SELECT count(*) FROM auth_events WHERE user_id = %s" % uid)

        self.assertIn("would prune: 1 throttle counters, 1 known login addresses, "
                      "1 security log entries", self.sweep("--dry-run"))
        self.assertIn("pruned: 1 throttle counters, 1 known login addresses, "
                      "1 security log entries", self.sweep())
        self.assertEqual(psql("SELECT key FROM login_throttles WHERE scope = 'pair' AND "
                              "key LIKE 'user:%s@%%'" % uid), "user:%s@%s" % (uid, recent))
        self.assertEqual(psql("SELECT address FROM known_addresses WHERE user_id = %s" % uid),
                         recent)
        self.assertEqual(int(psql("SELECT count(*) FROM auth_events WHERE user_id = %s" % uid)),
                         int(before) - 1)
        self.assertIn("pruned: 0 throttle counters, 0 known login addresses, "
                      "0 security log entries", self.sweep())


def queued_mail(user_id, subject):
    """The bodies of the user's queued mails about `subject`, oldest first."""
    out = psql("SELECT body FROM mail_outbox WHERE user_id = %d AND subject LIKE '%s%%' "
               "ORDER BY id" % (user_id, subject))
    return re.split(r"(?m)^(?=Hello )", out)[1:] if out else []


class MailLimitTest(ThrottleCase):

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
        before = parse(api("GET", "/metrics").text)
        for _ in range(RESEND_PER_ACCOUNT):
            self.assertEqual(api("POST", "/api/auth/email/resend", token=token).status, 202)
        self.assertThrottled(api("POST", "/api/auth/email/resend", token=token),
                             "too_many_mail_requests")
        after = parse(api("GET", "/metrics").text)
        self.assertEqual(after.value("modforge_throttled_total", limit="mail") -
                         (before.value("modforge_throttled_total", limit="mail") or 0), 1)
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
