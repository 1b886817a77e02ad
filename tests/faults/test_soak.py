"""Scenario 8: a soak. Mixed load for SOAK_SECONDS (60 in the default run; run.py --soak 600 is
the 10-minute one), sampling the RSS and the open file descriptors of every handler and worker
every 10 s: no request fails, no process restarts, and neither grows. A handler's descriptors
are counted while it waits between requests, a worker's as the least of 20 looks, so that the
connection or file of the work in hand does not pass for a leak."""
import time
import unittest

from tests.faults import faultlib as F
from tests.kit.processes import rss_kib

EVERY = 10.0              # seconds between samples (the figure)
WARM_UP = 1               # samples before the trend is measured (caches, connections, arenas)
RSS_GROWTH_KIB = 1024     # most a process's fitted RSS trend may rise over the soak
FD_GROWTH = 0             # a leak raises the floor of the fd count: it may not rise at all


def slope(points):
    """Least-squares slope of (t, value) points."""
    n = len(points)
    mt = sum(t for t, _ in points) / n
    mv = sum(v for _, v in points) / n
    den = sum((t - mt) ** 2 for t, _ in points)
    return sum((t - mt) * (v - mv) for t, v in points) / den if den else 0.0


class SoakTest(unittest.TestCase):

    def test_mixed_load_without_growth(self):
        duration = F.SOAK_SECONDS
        procs = {"handler %d" % p: p for p in sorted(F.handler_pids())}
        procs.update({"%s %d" % (role, p): p for role, p in sorted(F.worker_pids().items())})
        samples = {name: [] for name in procs}      # name -> [(t, rss KiB, fds)]
        with F.Load(threads=3, generate_every=2.0) as load:
            t0 = time.monotonic()
            n = 0
            while True:
                n += 1
                time.sleep(max(0.0, t0 + n * EVERY - time.monotonic()))
                t = time.monotonic() - t0
                for name, pid in procs.items():
                    fds = F.steady_fds(pid, F.is_idle if name.startswith("handler") else None)
                    samples[name].append((t, rss_kib(pid), fds))
                if t >= duration - 0.5:
                    break
        failed = [r for r in load.records if not r.ok]
        lines = []
        growth = {}
        for name, series in samples.items():
            measured = series[WARM_UP:]
            rss_trend = slope([(t, r) for t, r, _ in measured]) * (measured[-1][0] -
                                                                   measured[0][0])
            third = max(1, len(measured) // 3)
            fd_rise = min(f for _, _, f in measured[-third:]) - \
                min(f for _, _, f in measured[:third])
            growth[name] = (rss_trend, fd_rise)
            lines.append("%s RSS %s KiB (trend %+.0f), fds %s" % (
                name, "/".join(str(r) for _, r, _ in series), rss_trend,
                "/".join(str(f) for _, _, f in series)))
        F.figures("%.0fs of load, %s, %d failed; samples every %.0fs:" % (
            duration, F.summary(load.records), len(failed), EVERY))
        for line in lines:
            F.figures("  " + line)
        self.assertGreaterEqual(len(next(iter(samples.values()))), WARM_UP + 3,
                                "too short a soak to see a trend")
        self.assertEqual(failed, [])
        self.assertEqual({p for name, p in procs.items() if name.startswith("handler")},
                         F.handler_pids(), "a handler was restarted")
        self.assertEqual(set(F.worker_pids().values()),
                         {p for name, p in procs.items() if not name.startswith("handler")})
        for name, (rss_trend, fd_rise) in growth.items():
            self.assertLessEqual(rss_trend, RSS_GROWTH_KIB, "%s: RSS grows" % name)
            self.assertLessEqual(fd_rise, FD_GROWTH, "%s: open files grow" % name)


if __name__ == "__main__":
    unittest.main()
