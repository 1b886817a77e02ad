"""Runs the web page's browser tests: Debian's chromium, driven by playwright-core, against a
private stack of their own. Prints a line per test and last `N passed, N failed`.

Usage (from the top of the tree):
   /usr/bin/python3 -m tests.browser.run [test name substrings...]   (default: every test)
Screenshots of the main screens go to build/browser-screenshots/ on every run.
"""
import os
import re
import subprocess
import sys

from tests.kit.stack import REPO
from tests.kit.suite_stack import make_stack, run_name

HERE = os.path.dirname(os.path.abspath(__file__))
CHROMIUM = "/usr/bin/chromium"
SCREENSHOTS = os.path.join(REPO, "build", "browser-screenshots")
# Cheap bcrypt and a 1 s worker poll, as in the other suites (tests/kit/suite_stack.py). One
# account locks for one address after 3 failed logins (the test of the 429 message fails 3 times
# on an account of its own); the address-wide limits and the quotas stay far away, since every
# test logs in from 127.0.0.1.
STACK_ENV = {
    "MODFORGE_SECURITY_BCRYPT_COST": "8",
    "MODFORGE_JOBS_POLL_SECONDS": "1",
    "MODFORGE_JOBS_LEASE_SECONDS": "10",
    "MODFORGE_THROTTLE_PAIR_FAILURES": "3",
    "MODFORGE_THROTTLE_BASE_DELAY": "120",
    "MODFORGE_THROTTLE_ADDRESS_FAILURES": "100000",
    "MODFORGE_THROTTLE_REGISTRATIONS_PER_ADDRESS": "100000",
    "MODFORGE_QUOTAS_JOBS_IN_FLIGHT": "100000",
    "MODFORGE_QUOTAS_JOBS_PER_DAY": "1000000",
}
SUMMARY = re.compile(r"^(\d+) passed, (\d+) failed$")


def start_stack(tries=3):
    """A started stack, or None. free_port() only finds a port that is free now: on a machine
    where other stacks start too, nginx can lose it before it binds, so a failed start is tried
    again on another port."""
    for attempt in range(1, tries + 1):
        stack = make_stack(run_name() or "browser", handlers=2, workers=1, env=STACK_ENV)
        try:
            return stack.start()
        except Exception as e:      # noqa: BLE001 - any failure to start is reported
            print("the stack did not start (attempt %d of %d): %s" % (attempt, tries, e))
    return None


def main(argv):
    if not os.access(CHROMIUM, os.X_OK):
        print("%s is missing (scripts/setup.sh installs the chromium package)" % CHROMIUM)
        print("0 passed, 1 failed")
        return 1
    if not os.path.isdir(os.path.join(HERE, "node_modules", "playwright-core")):
        # playwright-core only (no browser download); the version is pinned in package-lock.json.
        r = subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=HERE,
                           env=dict(os.environ, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD="1"))
        if r.returncode != 0:
            print("npm ci failed in tests/browser")
            print("0 passed, 1 failed")
            return 1
    os.makedirs(SCREENSHOTS, exist_ok=True)
    stack = start_stack()
    if stack is None:
        print("0 passed, 1 failed")
        return 1
    last = ""
    try:
        env = dict(os.environ, MODFORGE_URL=stack.url, MODFORGE_SCREENSHOTS=SCREENSHOTS,
                   MODFORGE_CHROMIUM=CHROMIUM, MODFORGE_RUNDIR=stack.rundir)
        proc = subprocess.Popen(["node", os.path.join(HERE, "web.spec.mjs")] + argv, cwd=HERE,
                                env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                text=True)
        for line in proc.stdout:
            sys.stdout.write(line)
            sys.stdout.flush()
            if line.strip():
                last = line.strip()
        try:
            proc.wait(timeout=300)
        except subprocess.TimeoutExpired:
            proc.kill()
    finally:
        failed_logs = not SUMMARY.match(last) or SUMMARY.match(last).group(2) != "0"
        if failed_logs:
            print("(the stack's logs stay in %s)" % stack.path("logs"))
        stack.stop()
    m = SUMMARY.match(last)
    if not m:
        # node died before its summary: the suite counts as one failure (tests/run does too).
        print("0 passed, 1 failed")
        return 1
    if failed_logs:
        print(last)     # the counts stay the last line, which tests/run reads
    return 0 if m.group(2) == "0" and proc.returncode == 0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
