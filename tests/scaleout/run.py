"""Runs the multi-host suite: builds the test network (tests/scaleout/cluster.py), runs each
scenario with its figures, removes everything it made, and prints `N passed, N failed` last.
Needs root (network namespaces).

Usage (from the top of the tree):
   /usr/bin/python3 -m tests.scaleout.run [test_module[.Class[.test]] ...]
   (default: every tests/scaleout/test_*.py, the primary's failover last)
"""
import os
import signal
import sys

from tests import scaleout
from tests.kit import runner, suite_stack
from tests.scaleout.cluster import Cluster

# Gentle first; the scenario that leaves db2 as the primary last.
ORDER = ("test_token_revocation", "test_app_hosts", "test_worker_partition",
         "test_primary_failover")


def make_cluster():
    return Cluster(bin_dir=suite_stack.bin_dir(), name=suite_stack.run_dir_name("scaleout"))


def main(argv):
    if os.geteuid() != 0:
        print("scaleout: needs root (it makes network namespaces)\n0 passed, 1 failed")
        return 1
    # Ctrl-C must stop the run and remove the network even when we were started with SIGINT
    # ignored (as a shell does for a background job), which Python then leaves ignored.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    return runner.run("scaleout", scaleout, argv or list(ORDER), make_cluster)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
