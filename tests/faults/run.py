#!/usr/bin/env python3
"""Runs the fault-injection suite on one private stack: a line per test with its figures, and
last `N passed, N failed`.

Usage: tests/faults/run.py [--soak SECONDS] [test_module[.Class[.test]] ...]
   (default: every tests/faults/test_*.py, with a 60 s soak; --soak 600 is the 10-minute soak)
"""
import argparse
import importlib.util
import os
import sys
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import faultlib  # noqa: E402

# The e2e runner (its per-test lines and summary), reused; loaded under another name: both are run.py.
_spec = importlib.util.spec_from_file_location(
    "e2e_run", os.path.join(os.path.dirname(HERE), "e2e", "run.py"))
e2e_run = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(e2e_run)

# Gentle first; what stops PostgreSQL, the workers or the handlers later; the handler kills last.
ORDER = ("test_races", "test_slow_clients", "test_full_disk", "test_worker_stages",
         "test_durability", "test_database_restart", "test_soak", "test_handler_crashes")


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--soak", type=float, default=60.0, help="seconds of soak load (default 60)")
    ap.add_argument("names", nargs="*")
    args = ap.parse_args(argv)
    faultlib.SOAK_SECONDS = args.soak

    loader = unittest.TestLoader()
    if args.names:
        suite = loader.loadTestsFromNames(args.names)
    else:
        suite = unittest.TestSuite(loader.loadTestsFromName(n) for n in ORDER)

    return e2e_run.run_on_stack("faults", suite, faultlib.stack, lambda: faultlib._stack,
                                faultlib.stop_stack)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
