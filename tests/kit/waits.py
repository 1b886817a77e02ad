"""Waiting for a condition with a deadline: the one polling loop of the tests and the stack."""
import time


def wait_until(predicate, timeout, interval=0.05):
    """Calls predicate() until it returns something true or `timeout` seconds have passed;
    returns its last value (so a caller can assert on it, or use what it found)."""
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value or time.monotonic() >= deadline:
            return value
        time.sleep(interval)
