"""A test case whose tests run workers of their own: the stack's are stopped before each test,
and started again after it, once the test's own are killed; and an external analyser that
takes as long as a test needs."""
import json
import shlex
import signal

from tests.e2e.api_test_case import ApiTestCase
from tests.kit.suite_stack import psql, stack
from tests.kit.waits import wait_until

# What an external analyser prints (the aiDecisions JSON).
DECISIONS = {"itemName": "Test Blade", "modName": "Test Blade Mod", "modId": "test_blade",
             "description": "A blade made by the tests.", "kind": "sword",
             "colours": ["#3366ff", "#ffffff"]}


def analyser(seconds, exit_code=0):
    """An analyser command: one process (so that it dies with a killed worker) that reads the
    prompt, takes `seconds`, then prints DECISIONS, or complains and exits with exit_code."""
    if exit_code:
        end = "sys.stderr.write('analyser broke\\n'); sys.exit(%d)" % exit_code
    else:
        end = "sys.stdout.write(%s)" % json.dumps(json.dumps(DECISIONS))
    code = "import sys, time; sys.stdin.read(); time.sleep(%s); %s" % (seconds, end)
    return "exec /usr/bin/python3 -c " + shlex.quote(code)


def worker_env(command, timeout):
    return {"MODFORGE_JOBS_ANALYSER_COMMAND": command,
            "MODFORGE_JOBS_ANALYSER_TIMEOUT": str(timeout)}


class OwnWorkersTestCase(ApiTestCase):

    def setUp(self):
        # Jobs that earlier tests left in the queue would go to this test's workers (and to its
        # analyser): the stack's workers finish them first.
        self.assertTrue(wait_until(lambda: psql("SELECT count(*) FROM jobs WHERE status NOT IN "
                                                "('completed', 'failed')") == "0", 60, 0.1),
                        "earlier tests' jobs are still queued or at work")
        stack().workers_stop()

    def tearDown(self):
        for role in stack().worker_roles():
            stack().stop_role(role, signal.SIGKILL)
        stack().workers_start()
