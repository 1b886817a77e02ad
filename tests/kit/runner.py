"""The one runner of the unittest suites (e2e, faults): loads a package's test modules, runs them
on the run's stack with a line per test, checks every answer against docs/openapi.yaml, and
prints `N passed, N failed` last."""
import pkgutil
import time
import traceback
import unittest

from tests.kit import http, suite_stack
from tests.kit.openapi import Contract


class LineResult(unittest.TestResult):
    """Prints `ok`/`FAIL`/`skip` per test as it finishes, with the traceback under a FAIL; test
    ids are shown without the package's prefix (test_login.LoginTest.test_x)."""

    def __init__(self, package):
        super().__init__()
        self.prefix = package + "."
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
        name = test.id()
        if name.startswith(self.prefix):
            name = name[len(self.prefix):]
        print("%-4s %s%s%s" % (word, name, took, extra), flush=True)

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


def test_modules(package):
    """The names of a package's test_*.py modules, in alphabetical order."""
    return sorted(m.name for m in pkgutil.iter_modules(package.__path__)
                  if m.name.startswith("test_"))


def load(package, names):
    """The tests named test_module[.Class[.test]] in the package (as a suite)."""
    prefix = package.__name__ + "."
    return unittest.TestLoader().loadTestsFromNames(
        [n if n.startswith(prefix) else prefix + n for n in names])


def run(label, package, names, make_stack):
    """Starts the run's stack (make_stack() makes it), runs the named tests of the package (a
    module object, such as tests.e2e) on it with a line per test, stops it, and prints
    `N passed, N failed` last; the exit status. Every answer the suite's HTTP clients receive
    is checked against docs/openapi.yaml: one the description does not allow fails its test."""
    contract = Contract()
    http.RESPONSE_CHECKS.append(contract.check)
    suite_stack.configure(make_stack)
    suite = load(package, names)
    t0 = time.monotonic()
    try:
        s = suite_stack.stack()
        print("%s: stack up at %s in %.1fs (run dir %s)" % (label, s.url, time.monotonic() - t0,
                                                            s.rundir), flush=True)
    except Exception as e:      # every test will now fail fast with this reason
        print("%s: the stack did not start: %s" % (label, e), flush=True)

    result = LineResult(package.__name__)
    try:
        suite.run(result)
    finally:
        if suite_stack.started() is not None and result.failed:
            print("%s: logs are in %s/logs" % (label, suite_stack.started().rundir), flush=True)
        suite_stack.stop()
    print("%s: %.0fs in all; %d answers checked against %s" % (
        label, time.monotonic() - t0, contract.checked, contract.name), flush=True)
    # A test whose subtests fail is never also counted as passed (unittest skips addSuccess).
    print("%d passed, %d failed" % (result.passed, result.failed), flush=True)
    return 0 if result.failed == 0 and result.passed > 0 else 1
