#!/usr/bin/env python3
"""Runs the e2e suite on one private stack: a line per test, and last `N passed, N failed`.

Usage: tests/e2e/run.py [test_module[.Class[.test]] ...]   (default: every tests/e2e/test_*.py)
"""
import os
import sys
import time
import traceback
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import helpers  # noqa: E402

# Stopping PostgreSQL or the handlers must not disturb the other tests, whatever the alphabet says.
LAST = ("test_workers", "test_database_down", "test_handlers_down")


class LineResult(unittest.TestResult):
    """Prints `ok`/`FAIL`/`skip` per test as it finishes, with the traceback under a FAIL."""

    def __init__(self):
        super().__init__()
        self.passed = self.failed = 0
        self._t0 = None

    def startTest(self, test):
        super().startTest(test)
        self._t0 = time.monotonic()

    def stopTest(self, test):
        super().stopTest(test)
        self._t0 = None

    def _line(self, word, test, extra=""):
        took = "" if self._t0 is None else " (%.2fs)" % (time.monotonic() - self._t0)
        print("%-4s %s%s%s" % (word, test.id(), took, extra), flush=True)

    def addSuccess(self, test):
        super().addSuccess(test)
        self.passed += 1
        self._line("ok", test)

    def _fail(self, test, err):
        self.failed += 1
        self._line("FAIL", test)
        text = "".join(traceback.format_exception(*err))
        print("     " + text.rstrip().replace("\n", "\n     "), flush=True)

    def addFailure(self, test, err):
        super().addFailure(test, err)
        self._fail(test, err)

    def addError(self, test, err):
        super().addError(test, err)
        self._fail(test, err)

    def addSubTest(self, test, subtest, err):
        super().addSubTest(test, subtest, err)
        if err is not None:
            self._fail(subtest, err)

    def addSkip(self, test, reason):
        super().addSkip(test, reason)
        self._line("skip", test, ": " + reason)

    def addUnexpectedSuccess(self, test):
        super().addUnexpectedSuccess(test)
        self.failed += 1
        self._line("FAIL", test, ": unexpected success")


def ordered(suite):
    mods = list(suite)
    return unittest.TestSuite(sorted(mods, key=lambda s: any(n in repr(s) for n in LAST)))


def main(names):
    loader = unittest.TestLoader()
    if names:
        suite = loader.loadTestsFromNames(names)
    else:
        suite = ordered(loader.discover(HERE, pattern="test_*.py", top_level_dir=HERE))

    return run_on_stack("e2e", suite, helpers.stack, lambda: helpers._stack, helpers.stop_stack)


def run_on_stack(label, suite, start, started, stop):
    """Starts a stack (start()), runs suite on it with a line per test, stops it (stop()), and
    prints `N passed, N failed` last; the exit status. started(): the stack, or None. Also used
    by tests/faults/run.py."""
    t0 = time.monotonic()
    try:
        s = start()
        print("%s: stack up at %s in %.1fs (run dir %s)" % (label, s.url, time.monotonic() - t0,
                                                            s.rundir), flush=True)
    except Exception as e:      # every test will now fail fast with this reason
        print("%s: the stack did not start: %s" % (label, e), flush=True)

    result = LineResult()
    try:
        suite.run(result)
    finally:
        if started() is not None and result.failed:
            print("%s: logs are in %s/logs" % (label, started().rundir), flush=True)
        stop()
    print("%s: %.0fs in all" % (label, time.monotonic() - t0), flush=True)
    # A test whose subtests fail is never also counted as passed (unittest skips addSuccess).
    print("%d passed, %d failed" % (result.passed, result.failed), flush=True)
    return 0 if result.failed == 0 and result.passed > 0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
