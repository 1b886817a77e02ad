"""The load balancer of the test network: nginx on its own host, proxying to the app hosts with
passive health checks (balancer.conf.in says how), and what its access log says about which app
host each request was tried on."""
import collections
import os
import re
import shutil
import signal
import socket

from tests.kit.http import Client
from tests.scaleout.daemon import Daemon

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
TEMPLATE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "balancer.conf.in")
APP_PORT = 80
# An app host is out for this long after a failed attempt (nginx's fail_timeout).
FAIL_TIMEOUT = 5
# Seconds the balancer waits for the answer of a request an app host accepted.
READ_TIMEOUT = 10
# What tells that an app host serves: the path and the status it answers when it does (the
# health check makes a database round trip, as docs/operations.md's load balancer asks it).
HEALTH_CHECK = ("/api/health", 200)
# A line of the access log (log_format balancer): end time, method, status, "upstream addresses"
# (", " between the tries), "their statuses", request time, URI.
Try = collections.namedtuple("Try", "start end method status tried")   # tried: addresses
LOG_LINE = re.compile(r'^(\S+) (\S+) (\d+) "([^"]*)" "([^"]*)" (\S+) (.*)$')


def app_refuses(address):
    """True once nothing listens on the app host's port any more (its nginx is gone)."""
    try:
        socket.create_connection((address, APP_PORT), timeout=1).close()
        return False
    except ConnectionRefusedError:
        return True
    except OSError:
        return False


def app_serves(address, timeout=2):
    """True if the app host at address answers the health check as a serving host does."""
    path, status = HEALTH_CHECK
    r = Client(APP_PORT, host=address, timeout=timeout, errors_as_replies=True,
               response_checks=[]).request("GET", path)
    return r.status == status


class Balancer:
    def __init__(self, host, app_addresses, rundir, logdir, on_start):
        self.host = host
        self.dir = os.path.join(rundir, "balancer")
        self.access_log = os.path.join(logdir, "balancer-access.log")
        self.logdir = logdir
        self.app_addresses = list(app_addresses)
        self.daemon = Daemon(host, [NGINX, "-p", self.dir + "/", "-c",
                                    os.path.join(self.dir, "nginx.conf"), "-e",
                                    os.path.join(logdir, "balancer-error.log"),
                                    "-g", "daemon off;"],
                             os.path.join(logdir, "balancer-error.log"), on_start=on_start)

    @property
    def address(self):
        return self.host.address

    def start(self):
        os.makedirs(self.dir, exist_ok=True)
        with open(TEMPLATE) as f:
            conf = f.read()
        servers = "\n".join("        server %s:%d max_fails=1 fail_timeout=%ds;" % (
            a, APP_PORT, FAIL_TIMEOUT) for a in self.app_addresses)
        for key, value in {"@RUNDIR@": self.dir, "@LOGDIR@": self.logdir,
                           "@LISTEN@": self.address, "@SERVERS@": servers,
                           "@READ_TIMEOUT@": str(READ_TIMEOUT)}.items():
            conf = conf.replace(key, value)
        with open(os.path.join(self.dir, "nginx.conf"), "w") as f:
            f.write(conf)
        self.daemon.start()
        return self

    def stop(self):
        self.daemon.stop(signal.SIGQUIT, 10)

    def tries(self, since=0.0):
        """The requests that ended at `since` (epoch seconds) or later, each a Try."""
        found = []
        try:
            with open(self.access_log) as f:
                lines = f.readlines()
        except OSError:
            return found
        for line in lines:
            m = LOG_LINE.match(line)
            if m is None or float(m.group(1)) < since:
                continue
            tried = [u.strip().rsplit(":", 1)[0] for u in m.group(4).replace(" : ", ", ")
                     .split(",") if u.strip() not in ("", "-")]
            end = float(m.group(1))
            found.append(Try(end - float(m.group(6)), end, m.group(2), int(m.group(3)), tried))
        return found
