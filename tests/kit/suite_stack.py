"""The stack a test suite talks to: its settings (cheap bcrypt, short leases, limits out of the
way), made by the suite's own factory, started on first use and shared by every test of the run."""
import os

from tests.kit.ports import free_port
from tests.kit.stack import REPO, Stack

# Cheap bcrypt and a short last_used_at coalescing window, so tests can observe both.
BCRYPT_COST = 8
LAST_USED_INTERVAL = 2
# A short lease and poll, so that a job whose worker was killed is taken again within seconds.
LEASE_SECONDS = 4
POLL_SECONDS = 1
# A mail whose worker died during an attempt is sent again once its lease runs out.
MAIL_LEASE_SECONDS = 4
TEST_ENV = {
    "MODFORGE_SECURITY_BCRYPT_COST": str(BCRYPT_COST),
    "MODFORGE_SECURITY_LAST_USED_INTERVAL": str(LAST_USED_INTERVAL),
    "MODFORGE_JOBS_LEASE_SECONDS": str(LEASE_SECONDS),
    "MODFORGE_JOBS_POLL_SECONDS": str(POLL_SECONDS),
    # The suites log in wrongly on purpose, all from 127.0.0.1, and make many jobs, sessions
    # and tokens for one user: the brute-force limits and the quotas are tested on stacks of
    # their own (tests/e2e/test_throttle.py, test_quotas.py).
    "MODFORGE_THROTTLE_PAIR_FAILURES": "1000",
    "MODFORGE_THROTTLE_ACCOUNT_FAILURES": "100000",
    "MODFORGE_THROTTLE_ADDRESS_FAILURES": "100000",
    "MODFORGE_THROTTLE_REGISTRATIONS_PER_ADDRESS": "100000",
    "MODFORGE_THROTTLE_CONFLICTS_PER_ADDRESS": "100000",
    "MODFORGE_QUOTAS_JOBS_IN_FLIGHT": "100000",
    "MODFORGE_QUOTAS_JOBS_PER_DAY": "1000000",
    "MODFORGE_QUOTAS_SESSIONS": "1000000",
    "MODFORGE_QUOTAS_TOKENS": "1000000",
    "MODFORGE_THROTTLE_FORGOT_PER_ACCOUNT": "1000",
    "MODFORGE_THROTTLE_FORGOT_PER_ADDRESS": "100000",
    "MODFORGE_THROTTLE_RESEND_PER_ACCOUNT": "1000",
    # A failed delivery is tried again within a second or two. A sender's name that is not ASCII, so that
    # every mail carries RFC 2047 encoded-words.
    "MODFORGE_MAIL_RETRY_DELAY": "1",
    "MODFORGE_MAIL_RETRY_MAX_DELAY": "2",
    "MODFORGE_MAIL_TIMEOUT": "3",
    "MODFORGE_MAIL_LEASE_SECONDS": str(MAIL_LEASE_SECONDS),
    "MODFORGE_MAIL_POLL_SECONDS": "1",
    "MODFORGE_MAIL_FROM": "modforge@modforge.test",
    "MODFORGE_MAIL_FROM_NAME": "modforge \u2692 tests",
}
# nginx's limit_req of the login and register locations, wide open: a suite is fast and all
# from 127.0.0.1.
OPEN_AUTH_RATE = "10000r/s"


def bin_dir():
    """MODFORGE_BIN_DIR: where the programs under test are (another build, such as the
    sanitizers'), or None for build/bin."""
    return os.environ.get("MODFORGE_BIN_DIR") or None


def run_name():
    """MODFORGE_TEST_RUN: the name of this run (its run dirs are named after it, so that two
    suites can run side by side), or None."""
    return os.environ.get("MODFORGE_TEST_RUN") or None


def run_dir_name(suite):
    """The run dir's name of a stack of its own of `suite` ("throttle", "readme", ...): the
    run's name, a dash and the suite's, or the suite's alone."""
    return "-".join(filter(None, (run_name(), suite)))


def make_stack(name, handlers, workers, env=TEST_ENV, auth_rate=OPEN_AUTH_RATE):
    """A stack (not started) on a free port with the tests' settings, in build/run/<name>."""
    return Stack(REPO, free_port(), handlers=handlers, extra_env=env, name=name,
                 workers=workers, bin_dir=bin_dir(), auth_rate=auth_rate)


_factory = None
_stack = None
_stack_error = None
_override = None      # a module's own stack (use()), which stack() then returns


def configure(factory):
    """How the run's stack is made: each suite's shared module says so when it is imported."""
    global _factory
    _factory = factory


def stack():
    """The run's stack, started on first use; a failed start is not retried (every test then
    fails at once with its reason)."""
    global _stack, _stack_error
    if _override is not None:
        return _override
    if _stack_error is not None:
        raise RuntimeError("the stack did not start: %s" % _stack_error)
    if _stack is None:
        if _factory is None:
            raise RuntimeError("no suite configured the run's stack (tests.kit.suite_stack)")
        s = _factory()
        try:
            s.start()
        except Exception as e:
            _stack_error = e
            raise
        _stack = s
    return _stack


def started():
    """The run's stack if it was started, else None (for the runner's messages)."""
    return _stack


def use(s):
    """Makes stack(), and so the API client and psql(), use `s` (None: the run's stack again)."""
    global _override
    _override = s


def stop():
    if _stack is not None:
        _stack.stop()


def psql(sql):
    """SQL in the modforge database of the stack the run talks to now."""
    return stack().psql(sql)
