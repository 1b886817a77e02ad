"""The openapi suite: lints docs/openapi.yaml with @redocly/cli (the version package-lock.json
pins, the rules of redocly.yaml), then runs the unit tests of the response validator
(tests/kit/test_openapi.py); a line per test, and last `N passed, N failed`.

Usage, from the repository's root: /usr/bin/python3 -m tests.openapi.run
"""
import os
import subprocess
import sys
import unittest

from tests.kit.openapi import DESCRIPTION

HERE = os.path.dirname(os.path.abspath(__file__))
REDOCLY = os.path.join(HERE, "node_modules", ".bin", "redocly")


def lint():
    """True if Redocly finds no problem; its report is printed otherwise."""
    if not os.path.exists(REDOCLY):
        print("FAIL lint: %s is missing (scripts/setup.sh installs it)" % REDOCLY, flush=True)
        return False
    # No telemetry, no "new version" banner: the run must not talk to anyone.
    env = dict(os.environ, REDOCLY_TELEMETRY="off", REDOCLY_SUPPRESS_UPDATE_NOTICE="true")
    run = subprocess.run([REDOCLY, "lint", "--config", os.path.join(HERE, "redocly.yaml"),
                          DESCRIPTION], cwd=HERE, env=env, stdout=subprocess.PIPE,
                         stderr=subprocess.STDOUT, text=True)
    if run.returncode != 0:
        print("FAIL lint %s\n%s" % (DESCRIPTION, run.stdout), flush=True)
        return False
    print("ok   lint %s" % DESCRIPTION, flush=True)
    return True


def unit_tests():
    """(passed, failed) of tests/kit/test_openapi.py; a test with a failed subtest failed."""
    suite = unittest.defaultTestLoader.loadTestsFromName("tests.kit.test_openapi")
    result = unittest.TextTestRunner(stream=sys.stdout, verbosity=2).run(suite)
    failed = {getattr(t, "test_case", t).id() for t, _ in result.failures + result.errors}
    failed |= {t.id() for t in result.unexpectedSuccesses}
    return result.testsRun - len(failed) - len(result.skipped), len(failed)


def main():
    linted = lint()
    passed, failed = unit_tests()
    passed += linted
    failed += not linted
    print("%d passed, %d failed" % (passed, failed), flush=True)
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
