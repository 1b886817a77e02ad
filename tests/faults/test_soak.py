"""Scenario 8: a soak. Mixed load for SOAK_SECONDS (60 in the default run; run.py --soak 600 is
the 10-minute one), sampling the RSS of every handler and worker every 10 s: no request fails, no
process restarts, the RSS does not grow, and no process holds a descriptor after the load that it
did not hold before it. The descriptors are compared while nothing is under way: before the soak
(after a short warm-up) and after it, each time once the load has stopped and its jobs are done,
a handler's while it is stopped waiting for a connection. Counted during the load, a connection
in hand once passed for a leak (4/4/4/4/4/5); with no request in flight, every descriptor left is
a leak."""
import time
import unittest

from tests.faults import faultlib as F
from tests.kit.processes import rss_kib
from tests.kit.waits import wait_until

EVERY = 10.0              # seconds between samples (the figure)
WARM_UP = 1               # samples before the trend is measured (caches, connections, arenas)
RSS_GROWTH_KIB = 1024     # most a process's fitted RSS trend may rise over the soak
# Seconds of the same load before the first look at the descriptors, so that what a process
# opens once on its first requests or jobs (its database connection) is open by then.
WARM_UP_LOAD = 5.0
JOBS_DONE_WITHIN = 60.0   # seconds for the workers to finish the load's jobs after it stops


def slope(points):
    """Least-squares slope of (t, value) points."""
    n = len(points)
    mt = sum(t for t, _ in points) / n
    mv = sum(v for _, v in points) / n
    den = sum((t - mt) ** 2 for t, _ in points)
    return sum((t - mt) * (v - mv) for t, v in points) / den if den else 0.0


class SoakTest(unittest.TestCase):

    def resting_files(self, procs, load):
        """{name: open files} of every process once the load has stopped and its jobs are done."""
        s = F.stack()
        ids = ",".join("'%s'" % job_id for _, job_id in load.jobs) or "NULL"
        self.assertTrue(wait_until(lambda: s.psql(
            "SELECT count(*) FROM jobs WHERE job_id IN (%s) AND status NOT IN "
            "('completed', 'failed')" % ids) == "0", JOBS_DONE_WITHIN, 0.2),
            "the load's jobs did not finish")
        return {name: F.resting_files(pid, F.is_idle if name.startswith("handler") else None)
                for name, pid in procs.items()}

    def test_mixed_load_without_growth(self):
        duration = F.SOAK_SECONDS
        procs = {"handler %d" % p: p for p in sorted(F.handler_pids())}
        procs.update({"%s %d" % (role, p): p for role, p in sorted(F.worker_pids().items())})
        samples = {name: [] for name in procs}      # name -> [(t, rss KiB)]
        load = F.Load(threads=3, generate_every=2.0)
        with load:
            time.sleep(WARM_UP_LOAD)
        before = self.resting_files(procs, load)
        with load:
            t0 = time.monotonic()
            n = 0
            while True:
                n += 1
                time.sleep(max(0.0, t0 + n * EVERY - time.monotonic()))
                t = time.monotonic() - t0
                for name, pid in procs.items():
                    samples[name].append((t, rss_kib(pid)))
                if t >= duration - 0.5:
                    break
        after = self.resting_files(procs, load)
        failed = [r for r in load.records if not r.ok]
        lines = []
        growth = {}
        for name, series in samples.items():
            measured = series[WARM_UP:]
            rss_trend = slope(measured) * (measured[-1][0] - measured[0][0])
            new_files = after[name] - before[name]
            growth[name] = (rss_trend, new_files)
            lines.append("%s RSS %s KiB (trend %+.0f), fds %d before the load, %d after%s" % (
                name, "/".join(str(r) for _, r in series), rss_trend,
                sum(before[name].values()), sum(after[name].values()),
                ", new: %s" % dict(new_files) if new_files else ""))
        F.figures("%.0fs of load after %.0fs of warm-up, %s, %d failed; samples every %.0fs:" % (
            duration, WARM_UP_LOAD, F.summary(load.records), len(failed), EVERY))
        for line in lines:
            F.figures("  " + line)
        self.assertGreaterEqual(len(next(iter(samples.values()))), WARM_UP + 3,
                                "too short a soak to see a trend")
        self.assertEqual(failed, [])
        self.assertEqual({p for name, p in procs.items() if name.startswith("handler")},
                         F.handler_pids(), "a handler was restarted")
        self.assertEqual(set(F.worker_pids().values()),
                         {p for name, p in procs.items() if not name.startswith("handler")})
        for name, (rss_trend, new_files) in growth.items():
            self.assertLessEqual(rss_trend, RSS_GROWTH_KIB, "%s: RSS grows" % name)
            self.assertEqual(dict(new_files), {}, "%s: open files grow" % name)


if __name__ == "__main__":
    unittest.main()
