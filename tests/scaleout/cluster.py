"""The whole multi-host service on one machine, each host a network namespace: a load balancer;
app1 and app2 (nginx + FastCGI handlers, each a tests.kit.stack.Stack); worker1 and worker2
(a worker each, also Stacks); db1 and db2 (PostgreSQL under Patroni, synchronous replication);
etcd; and the client, whose namespace this process enters to send the load. The files
directory all hosts share is one directory of this machine: it stands in for an NFS mount.

It offers what the runner needs of a stack (start, stop, url, rundir), and what the scenarios
do to hosts: kill all of a host's processes, partition a host (link down) and heal it."""
import atexit
import os
import pwd
import shutil
import signal
import subprocess
import tempfile

from tests.kit import suite_stack
from tests.kit.hosts import enter_namespace
from tests.kit.http import Client
from tests.kit.stack import REPO, WEB_USER, Stack, install_signal_handlers, traversable_by_others
from tests.kit.waits import wait_until
from tests.scaleout import leftovers
from tests.scaleout.balancer import APP_PORT, Balancer, app_serves
from tests.scaleout.load import USER_AGENT, balancer_client
from tests.scaleout.patroni import ETCD_PORT, PG_PORT, PatroniNode, etcd_daemon, wait_for_primary
from tests.scaleout.topology import SUBNET_PREFIX, PREFIX_LENGTH, Network

# Each host's number on 10.77.0.0/24.
HOSTS = {"client": 2, "lb": 3, "etcd": 5, "db1": 11, "db2": 12, "app1": 21, "app2": 22,
         "worker1": 31, "worker2": 32}
APPS = ("app1", "app2")
WORKERS = ("worker1", "worker2")
DATABASES = ("db1", "db2")
HANDLERS_PER_APP = 2
START_TIMEOUT = 90


def address(name):
    return SUBNET_PREFIX + str(HOSTS[name])


# How every modforge program on the network reaches the database: both hosts, and only a
# primary will do (libpq tries them in order and skips a standby).
DATABASE = {"host": ",".join(address(d) for d in DATABASES),
            "port": ",".join(str(PG_PORT) for _ in DATABASES),
            "target_session_attrs": "read-write"}


def program_env():
    """The modforge programs' settings: the suites' (cheap bcrypt, 4 s leases, throttles out of
    the way), and the balancer as the one proxy whose X-Forwarded-For is believed."""
    env = dict(suite_stack.TEST_ENV)
    env["MODFORGE_SECURITY_TRUSTED_PROXIES"] = address("lb")
    return env


def _run_dir(name):
    """build/run/<name> when postgres and www-data can reach it, else a new directory in /tmp."""
    candidate = os.path.join(REPO, "build", "run", name)
    if traversable_by_others(os.path.dirname(candidate)) or not os.path.exists(
            os.path.dirname(candidate)):
        os.makedirs(candidate, exist_ok=True)
        if traversable_by_others(candidate):
            return candidate
    return tempfile.mkdtemp(prefix="modforge-scaleout-")


class Cluster:
    def __init__(self, bin_dir=None, name="scaleout"):
        self.bin_dir = bin_dir
        self.name = name
        self.rundir = None
        self.network = None
        self.state = None
        self.etcd = None
        self.databases = {}     # name -> PatroniNode
        self.apps = {}          # name -> Stack
        self.workers = {}       # name -> Stack
        self.balancer = None
        self.url = "http://%s:%d" % (address("lb"), APP_PORT)
        self._started = False

    # ---- paths -------------------------------------------------------------------------
    def path(self, *parts):
        return os.path.join(self.rundir, *parts)

    @property
    def data_dir(self):
        """The files directory every host shares (the stand-in for the NFS mount)."""
        return self.path("shared")

    def log(self, name):
        return self.path("logs", name)

    # ---- lifecycle ---------------------------------------------------------------------
    def start(self):
        if self._started:
            return self
        self._started = True
        atexit.register(self.stop)
        install_signal_handlers()
        try:
            self._start()
        except BaseException:
            self.stop()
            raise
        return self

    def _start(self):
        self.rundir = _run_dir(self.name)
        note = leftovers.reap(self.rundir)
        if note:
            print("scaleout: " + note, flush=True)
        for entry in os.listdir(self.rundir):
            shutil.rmtree(self.path(entry), ignore_errors=True)
        os.makedirs(self.path("logs"))
        os.chmod(self.path("logs"), 0o777)      # the postgres, etcd and www-data users log here
        prefix = "mfso%x" % (os.getpid() % 0xfffff)
        self.state = leftovers.RunState(self.rundir, prefix)
        self.state.save()
        self.network = Network(prefix)
        self.network.create_switch()
        hosts = {name: self.network.add_host(name, n) for name, n in HOSTS.items()}
        # This process is the client from now on: the load and the checks go over the network.
        enter_namespace(hosts["client"].name)

        self.etcd = etcd_daemon(hosts["etcd"], self.rundir, self.state.add).start()
        self._wait("etcd", lambda: Client(ETCD_PORT, host=address("etcd"), timeout=1,
                                          errors_as_replies=True, response_checks=[])
                   .request("GET", "/health").status == 200)
        subnet = "%s0/%d" % (SUBNET_PREFIX, PREFIX_LENGTH)
        for name in DATABASES:
            node = PatroniNode(name, hosts[name], self.rundir, address("etcd"), subnet,
                               self.state.add)
            node.prepare()
            self.databases[name] = node
        self.databases["db1"].start()
        self._wait("db1 as the primary", self.databases["db1"].is_primary)
        self.databases["db2"].start()
        self._wait("db2 as the synchronous standby", self.databases["db2"].is_sync_standby)
        self.primary().psql("postgres").query("CREATE DATABASE modforge")
        self._migrate()

        os.makedirs(os.path.join(self.data_dir, "files"))
        web = pwd.getpwnam(WEB_USER)
        for d in (self.data_dir, os.path.join(self.data_dir, "files")):
            os.chown(d, web.pw_uid, web.pw_gid)
        for name in APPS:
            self.apps[name] = self._stack(name, hosts[name], ("handlers", "nginx"), 0)
        for name in WORKERS:
            self.workers[name] = self._stack(name, hosts[name], ("workers",), 1)
        self.balancer = Balancer(hosts["lb"], [address(a) for a in APPS], self.rundir,
                                 self.path("logs"), self.state.add).start()
        client = balancer_client(address("lb"), APP_PORT, timeout=2)
        self._wait("the balancer", lambda: client.request("GET", "/api/health").status == 200)

    def _wait(self, what, predicate, timeout=START_TIMEOUT):
        if not wait_until(predicate, timeout, 0.2):
            raise RuntimeError("scaleout: %s not ready after %ds (logs in %s)" % (
                what, timeout, self.path("logs")))

    def _migrate(self):
        status, output = self.admin("migrate")
        with open(self.log("admin.log"), "a") as f:
            f.write(output)
        if status != 0:
            raise RuntimeError("scaleout: modforge-admin migrate failed (exit %d): %s" % (
                status, output.strip()))

    def _stack(self, name, host, roles, workers):
        s = Stack(REPO, APP_PORT, handlers=HANDLERS_PER_APP, extra_env=program_env(),
                  name=os.path.join(self.name, name), workers=workers, bin_dir=self.bin_dir,
                  auth_rate=suite_stack.OPEN_AUTH_RATE, host=host, listen=host.address,
                  roles=roles, database=DATABASE, data_dir=self.data_dir)
        s.start()
        self.state.add_stack(s.rundir)
        return s

    def stop(self):
        """Stops every process of every host, then deletes every namespace. Idempotent; never
        leaves a namespace behind, whatever failed on the way."""
        if not self._started:
            return
        old = {}
        for s in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
            try:
                old[s] = signal.signal(s, signal.SIG_IGN)
            except ValueError:
                pass
        try:
            steps = [self.balancer] + list(self.apps.values()) + list(self.workers.values()) + \
                list(self.databases.values()) + [self.etcd]
            for step in steps:
                if step is None:
                    continue
                try:
                    step.stop()
                except Exception as e:        # keep going: the namespaces must go regardless
                    print("scaleout: stopping %r: %s" % (step, e), flush=True)
        finally:
            try:
                if self.network is not None:
                    self.network.destroy()
                if self.state is not None:
                    self.state.remove()
            finally:
                for s, h in old.items():
                    signal.signal(s, h)
                self._started = False

    # ---- what the scenarios do ---------------------------------------------------------
    def primary(self):
        """The database node that is primary now (waiting up to 60 s for one)."""
        node = wait_for_primary(list(self.databases.values()), 60)
        if node is None:
            raise RuntimeError("no primary among %s" % ", ".join(self.databases))
        return node

    def psql(self):
        """psql on the modforge database of the primary now."""
        return self.primary().psql()

    def partition(self, name):
        self.network.partition(name)

    def heal(self, name):
        self.network.heal(name)

    def app_serves(self, name):
        return app_serves(address(name))

    def client(self, timeout=20):
        """A client of the balancer for the load: failures are replies (status 0), answers are
        not checked against the API description."""
        return balancer_client(address("lb"), APP_PORT, timeout)

    def api(self, timeout=20):
        """A client of the balancer for a test's own requests: every answer is checked against
        the API description, and a request that gets no answer raises."""
        return Client(APP_PORT, USER_AGENT, host=address("lb"), timeout=timeout)

    def admin(self, *args):
        """Runs modforge-admin with args on the client host; (exit status, output)."""
        env = dict(os.environ, MODFORGE_CONFIG="/dev/null",
                   MODFORGE_FILES_DATA_DIR=self.data_dir)
        env.update({"MODFORGE_DATABASE_" + k.upper(): v for k, v in DATABASE.items()})
        r = subprocess.run([self.admin_path()] + list(args), env=env, stdin=subprocess.DEVNULL,
                           capture_output=True, text=True, timeout=120)
        return r.returncode, r.stdout + r.stderr

    def admin_path(self):
        return os.path.join(self.bin_dir or os.path.join(REPO, "build", "bin"), "modforge-admin")

