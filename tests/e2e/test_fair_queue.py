"""e2e: the fair queue. One user's flood of jobs does not delay another user's first job by more
than the jobs already running, with one worker and with two: a worker takes the job of the user
with the fewest jobs running, among those served least recently, then that user's oldest queued
job. The order in which work was taken is read from the jobs' started_at (milliseconds in the
API, microseconds in the database). These tests stop and start the stack's workers, so they run
with the last ones."""
import time

from tests.e2e.own_workers import OwnWorkersTestCase, analyser, worker_env
from tests.kit.api import generate, new_user, wait_for_job
from tests.kit.suite_stack import LEASE_SECONDS, psql, stack

FLOOD = 12
# Each job's analysis takes this long, so that the flood is still waiting when B queues however
# fast the machine queues it.
ANALYSIS_SECONDS = 0.3


def job_times(job_ids):
    """{job_id: (created, started, finished)} in seconds, to the microsecond, from the database."""
    rows = psql("SELECT job_id, extract(epoch FROM created_at), extract(epoch FROM started_at), "
                "extract(epoch FROM finished_at) FROM jobs WHERE job_id IN (%s)"
                % ", ".join("'%s'" % j for j in job_ids))
    return {r.split("|")[0]: tuple(float(x) for x in r.split("|")[1:])
            for r in rows.splitlines()}


class FairQueueTest(OwnWorkersTestCase):

    def flood_then_one(self, workers):
        """A floods the queue with FLOOD jobs while `workers` workers run, then B queues one;
        returns the order of completion and the counts the fair queue is judged by."""
        for i in range(workers):
            stack().spawn_worker("worker-fair%d" % i, worker_env(analyser(ANALYSIS_SECONDS),
                                                                 LEASE_SECONDS - 1))
        a, b = new_user("flood"), new_user("first")
        flood = [self.assertOk(generate(a, "an iron sword number %d" % i), 202)["job_id"]
                 for i in range(FLOOD)]
        mine = self.assertOk(generate(b, "a wooden shield"), 202)["job_id"]
        # B's job is in the queue for certain from here on (its transaction has committed);
        # a job taken between its created_at and now may have been taken before it was.
        acknowledged = time.time()
        for j in flood:
            self.assertEqual(wait_for_job(a, j, timeout=120)["status"], "completed")
        self.assertEqual(wait_for_job(b, mine, timeout=120)["status"], "completed")

        times = job_times(flood + [mine])
        b_created, b_started, _ = times[mine]
        # A's jobs that a worker had taken when B queued, and those still waiting then.
        running_then = [j for j in flood if times[j][1] < b_created]
        waiting_then = [j for j in flood if times[j][1] > acknowledged]
        overtaken_by_b = [j for j in waiting_then if times[j][1] > b_started]
        ahead_of_b = [j for j in waiting_then if times[j][1] < b_started]
        order = "".join("B" if j == mine else "a"
                        for j in sorted(times, key=lambda j: times[j][2]))
        print("     (%d worker%s: order of completion %s; when B queued, %d of A's jobs had been "
              "taken and %d waited; B started %.0f ms after it queued)"
              % (workers, "s" if workers > 1 else "", order, len(running_then),
                 len(waiting_then), (b_started - b_created) * 1000))
        # A's own jobs go oldest first.
        started = sorted(flood, key=lambda j: times[j][1])
        self.assertEqual(started, flood, "A's jobs were not taken oldest first")
        # The test means something only if B met a real backlog.
        self.assertGreaterEqual(len(overtaken_by_b), workers + 2, order)
        return ahead_of_b

    def test_one_user_s_flood_and_one_worker(self):
        self.assertEqual(self.flood_then_one(1), [],
                         "B's first job waited for A's jobs that were queued, not running")

    def test_one_user_s_flood_and_two_workers(self):
        self.assertEqual(self.flood_then_one(2), [],
                         "B's first job waited for A's jobs that were queued, not running")
