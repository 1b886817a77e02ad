"""Runs the fault-injection suite on one private stack: a line per test with its figures, and
last `N passed, N failed`.

Usage (from the top of the tree):
   /usr/bin/python3 -m tests.faults.run [--soak SECONDS] [test_module[.Class[.test]] ...]
   (default: every tests/faults/test_*.py, with a 60 s soak; --soak 600 is the 10-minute soak)
"""
import argparse
import sys

from tests import faults
from tests.faults import faultlib
from tests.kit import runner

# Gentle first; what stops PostgreSQL, the workers or the handlers later; the handler kills last.
ORDER = ("test_races", "test_slow_clients", "test_abuse", "test_full_disk", "test_worker_stages",
         "test_durability", "test_database_restart", "test_database_hang", "test_reload",
         "test_soak", "test_handler_crashes")


def main(argv):
    ap = argparse.ArgumentParser(prog="python3 -m tests.faults.run",
                                 description=__doc__.splitlines()[0])
    ap.add_argument("--soak", type=float, default=60.0, help="seconds of soak load (default 60)")
    ap.add_argument("names", nargs="*")
    args = ap.parse_args(argv)
    faultlib.SOAK_SECONDS = args.soak
    return runner.run("faults", faults, args.names or list(ORDER), faultlib.make_faults_stack)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
