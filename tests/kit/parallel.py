"""Calls released together, for the tests of what requests in parallel must never do."""
import concurrent.futures
import threading


def in_parallel(calls):
    """Each of `calls` (functions) at once, released together (a thread each; the barrier
    gives up after a minute rather than hang the run); their results in order."""
    start = threading.Barrier(len(calls), timeout=60)

    def run(call):
        start.wait()
        return call()
    with concurrent.futures.ThreadPoolExecutor(len(calls)) as pool:
        return list(pool.map(run, calls))
