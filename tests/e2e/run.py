"""Runs the e2e suite on one private stack: a line per test, and last `N passed, N failed`.

Usage (from the top of the tree): /usr/bin/python3 -m tests.e2e.run [test_module[.Class[.test]] ...]
   (default: every tests/e2e/test_*.py)
"""
import sys

from tests import e2e
from tests.e2e.api_test_case import make_e2e_stack
from tests.kit import runner

# Stopping PostgreSQL or the handlers must not disturb the other tests, whatever the alphabet says.
LAST = ("test_fair_queue", "test_workers", "test_database_down", "test_handlers_down")


def main(names):
    if not names:
        names = sorted(runner.test_modules(e2e), key=lambda name: name in LAST)
    return runner.run("e2e", e2e, names, make_e2e_stack)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
