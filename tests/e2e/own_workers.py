"""A test case whose tests run workers of their own: the stack's are stopped before each test,
and started again after it, once the test's own are killed."""
import signal

from tests.e2e.api_test_case import ApiTestCase
from tests.kit.suite_stack import stack


class OwnWorkersTestCase(ApiTestCase):

    def setUp(self):
        stack().workers_stop()

    def tearDown(self):
        for role in stack().worker_roles():
            stack().stop_role(role, signal.SIGKILL)
        stack().workers_start()
