"""What the load-bearing suites (faults, scaleout) print under a test's line: a count of answers
by status, and the test's measured figures."""


def summary(records):
    """'N requests (200×a, 502×b …)' of records that have a .status."""
    counts = {}
    for r in records:
        counts[r.status] = counts.get(r.status, 0) + 1
    return "%d requests (%s)" % (len(records), ", ".join(
        "%s×%d" % (k, v) for k, v in sorted(counts.items())))


def figures(text):
    """A test's measured figures, printed under its line."""
    print("     " + text, flush=True)
