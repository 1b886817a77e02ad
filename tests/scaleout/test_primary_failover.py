"""The primary dies (SIGKILL to Patroni and every PostgreSQL process of db1) under load: Patroni
promotes the synchronous standby, the handlers and workers find it by themselves (a multi-host
connection string that accepts only a primary), writes succeed again within seconds, every
failure meanwhile is a JSON 503, and every registration, token, session and job that was
acknowledged is on the new primary. Then db1 comes back as the new synchronous standby."""
import time
import unittest

from tests.kit import suite_stack
from tests.kit.figures import figures, summary
from tests.kit.waits import wait_until
from tests.scaleout.load import Load, lost_writes
from tests.scaleout.patroni import LOOP_WAIT, TTL

WARM_UP = 3.0
# Patroni promotes the standby once the dead primary's leader key expires (TTL) and its next
# loop runs; the handlers reconnect on their next request. A margin for a busy machine.
WRITES_AGAIN_WITHIN = TTL + 2 * LOOP_WAIT + 10
AFTER = 5.0                # seconds of load watched once writes succeed again
SETTLED = 2.0              # after the first success, a handler may still hold a dead connection
JOBS_DONE_WITHIN = 90


class PrimaryFailoverTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.cluster = suite_stack.stack()

    def test_primary_killed_under_load(self):
        c = self.cluster
        old = c.primary()
        standby = next(n for n in c.databases.values() if n is not old)
        self.assertTrue(standby.is_sync_standby(), "%s is not the synchronous standby" %
                        standby.name)
        self.assertEqual(old.psql("postgres").query("SHOW synchronous_standby_names"),
                         standby.name)

        with Load(c.client(), clients=3) as load:
            time.sleep(WARM_UP)
            t_kill = time.monotonic()
            old.kill()
            t_dead = time.monotonic()       # every process of db1 is gone
            promoted = wait_until(standby.is_primary, WRITES_AGAIN_WITHIN, 0.1)
            t_promoted = time.monotonic()
            writes_again = wait_until(lambda: [r for r in load.between(t_dead)
                                               if r.ok and r.writes], WRITES_AGAIN_WITHIN, 0.1)
            t_writes = min((r.end for r in writes_again), default=float("nan"))
            time.sleep(AFTER)
        self.assertTrue(promoted, "Patroni did not promote %s" % standby.name)
        self.assertTrue(writes_again, "no write succeeded after the primary died")

        outage = load.between(t_dead, t_writes)
        bad = [r for r in load.between(t_kill) if not r.ok]
        later_bad = [r for r in load.between(t_writes + SETTLED) if not r.ok]
        lost = lost_writes(load.acked, standby.psql())
        figures("primary %s killed: %s promoted after %.1fs, writes succeeded again after %.1fs; "
                "meanwhile %s; failures %s, %d of them later than %.0fs after writes were back; "
                "%d acknowledged writes (%d registrations, %d tokens, %d sessions, %d jobs), "
                "%d missing on the new primary" % (
                    old.name, standby.name, t_promoted - t_kill, t_writes - t_kill,
                    summary(outage), summary(bad), len(later_bad), SETTLED, load.acked.count(),
                    len(load.acked.users), len(load.acked.tokens), len(load.acked.sessions),
                    len(load.acked.jobs), len(lost)))
        self.assertEqual(lost, [], "acknowledged writes lost in the failover")
        for r in bad:      # unavailable, said so in JSON: never a 500, never a hang
            self.assertEqual((r.status, r.code), (503, "database_unavailable"), r)
        self.assertEqual(later_bad, [])
        self.assertGreater(len(load.between(t_writes)), 20, "too little load after the failover")

        # Every job acknowledged before, during and after the failover is done by the workers,
        # which found the new primary by themselves.
        ids = ",".join("'%s'" % j for j in load.acked.jobs)
        unfinished = "SELECT count(*) FROM jobs WHERE job_id IN (%s) AND status <> 'completed'" % ids
        self.assertTrue(wait_until(lambda: standby.psql().query(unfinished) == "0",
                                   JOBS_DONE_WITHIN, 0.5),
                        "jobs left unfinished: %s" % standby.psql().query(unfinished))

        # The old primary comes back (rewound) as the synchronous standby of the new one.
        t_restart = time.monotonic()
        old.start()
        rejoined = wait_until(old.is_sync_standby, 90, 0.5)
        figures("%s back as the synchronous standby %.1fs after its restart" % (
            old.name, time.monotonic() - t_restart))
        self.assertTrue(rejoined, "%s did not rejoin as the synchronous standby" % old.name)


if __name__ == "__main__":
    unittest.main()
