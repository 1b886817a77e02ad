"""The database hosts of the test network: one etcd (its own host) and PostgreSQL 15 under Patroni
on db1 and db2, as plain processes (nothing here starts them through systemd). Synchronous
replication: Patroni's synchronous_mode names the standby in synchronous_standby_names, so a
commit is acknowledged only once the standby has it, and Patroni promotes only that standby."""
import json
import os
import pwd

from tests.kit.http import Client
from tests.kit.psql import Psql
from tests.kit.waits import wait_until
from tests.scaleout.daemon import Daemon

PG_BIN = "/usr/lib/postgresql/15/bin"
PG_PORT = 5432
REST_PORT = 8008
ETCD_PORT = 2379
SCOPE = "modforge"
SUPERUSER = "modforge"       # the modforge programs connect as this role (as in tests.kit.psql)
# Failure detection: the leader key lives TTL seconds unless renewed every LOOP_WAIT seconds, so
# a dead primary is replaced about TTL + LOOP_WAIT seconds after its last renewal (Patroni wants
# LOOP_WAIT + 2 * RETRY_TIMEOUT <= TTL).
TTL = 10
LOOP_WAIT = 1
RETRY_TIMEOUT = 4


def _chown_to(path, user):
    pw = pwd.getpwnam(user)
    os.chown(path, pw.pw_uid, pw.pw_gid)


def etcd_daemon(host, rundir, on_start):
    """One etcd member on host, data in rundir/etcd (as the etcd user when there is one)."""
    data = os.path.join(rundir, "etcd")
    os.makedirs(data, mode=0o700, exist_ok=True)
    user = "etcd" if _has_user("etcd") else None
    if user:
        _chown_to(data, user)
    peer = "http://%s:2380" % host.address
    client = "http://%s:%d" % (host.address, ETCD_PORT)
    argv = ["etcd", "--name", "etcd", "--data-dir", data,
            "--listen-client-urls", client, "--advertise-client-urls", client,
            "--listen-peer-urls", peer, "--initial-advertise-peer-urls", peer,
            "--initial-cluster", "etcd=" + peer, "--initial-cluster-state", "new"]
    return Daemon(host, argv, os.path.join(rundir, "logs", "etcd.log"), user=user,
                  on_start=on_start)


def _has_user(name):
    try:
        pwd.getpwnam(name)
        return True
    except KeyError:
        return False


class PatroniNode:
    """PostgreSQL under Patroni on one host; its files under rundir/<name>."""

    def __init__(self, name, host, rundir, etcd_address, subnet, on_start):
        self.name, self.host = name, host
        self.dir = os.path.join(rundir, name)
        self.data_dir = os.path.join(self.dir, "pgdata")
        self.socket_dir = os.path.join(self.dir, "sock")
        self.config_path = os.path.join(self.dir, "patroni.yml")
        self.etcd_address, self.subnet = etcd_address, subnet
        self.daemon = Daemon(host, ["patroni", self.config_path],
                             os.path.join(rundir, "logs", "patroni-%s.log" % name),
                             user="postgres", cwd=self.dir, on_start=on_start)

    @property
    def address(self):
        return self.host.address

    def config(self):
        """Patroni's configuration (written as JSON, which is YAML)."""
        pg_hba = ["local all all trust",
                  "host all all %s trust" % self.subnet,
                  "host replication all %s trust" % self.subnet]
        return {
            "scope": SCOPE,
            "name": self.name,
            "restapi": {"listen": "%s:%d" % (self.address, REST_PORT),
                        "connect_address": "%s:%d" % (self.address, REST_PORT)},
            "etcd3": {"hosts": ["%s:%d" % (self.etcd_address, ETCD_PORT)]},
            "bootstrap": {
                "dcs": {
                    "ttl": TTL, "loop_wait": LOOP_WAIT, "retry_timeout": RETRY_TIMEOUT,
                    "maximum_lag_on_failover": 1048576,
                    "synchronous_mode": True,
                    "postgresql": {
                        "use_pg_rewind": True,
                        "use_slots": True,
                        "parameters": {
                            "max_connections": 100,
                            "wal_level": "replica",
                            "hot_standby": "on",
                            "wal_log_hints": "on",
                            "max_wal_senders": 5,
                            "max_replication_slots": 5,
                            "wal_keep_size": "64MB",
                            # A standby whose primary is gone retries the WAL stream every
                            # this often, and acts on a promotion only between tries.
                            "wal_retrieve_retry_interval": "500ms",
                        },
                    },
                },
                "initdb": [{"encoding": "UTF8"}, {"locale": "C"}],
                "pg_hba": pg_hba,
            },
            "postgresql": {
                "listen": "%s:%d" % (self.address, PG_PORT),
                "connect_address": "%s:%d" % (self.address, PG_PORT),
                "data_dir": self.data_dir,
                "bin_dir": PG_BIN,
                "pgpass": os.path.join(self.dir, "pgpass"),
                "authentication": {
                    "superuser": {"username": SUPERUSER, "password": "test-only"},
                    "replication": {"username": "replicator", "password": "test-only"},
                    "rewind": {"username": SUPERUSER, "password": "test-only"},
                },
                "parameters": {"unix_socket_directories": self.socket_dir,
                               "log_line_prefix": "%m [%p] "},
                "pg_hba": pg_hba,
            },
            "tags": {"nofailover": False, "noloadbalance": False, "clonefrom": False,
                     "nosync": False},
        }

    def prepare(self):
        for d, mode in ((self.dir, 0o755), (self.socket_dir, 0o755)):
            os.makedirs(d, exist_ok=True)
            os.chmod(d, mode)
            _chown_to(d, "postgres")
        with open(self.config_path, "w") as f:
            json.dump(self.config(), f, indent=1)
        _chown_to(self.config_path, "postgres")

    def start(self):
        self.daemon.start()
        return self

    def postmaster_pid(self):
        try:
            with open(os.path.join(self.data_dir, "postmaster.pid")) as f:
                return int(f.readline())
        except (OSError, ValueError):
            return None

    def kill(self):
        """SIGKILL to Patroni and PostgreSQL (the postmaster runs in a session of its own)."""
        pm = self.postmaster_pid()
        self.daemon.kill([pm] if pm else [])

    def stop(self):
        pm = self.postmaster_pid()
        self.daemon.stop(extra_pids=[pm] if pm else [])

    # ---- what Patroni says (its REST API) ----------------------------------------------
    def rest(self, path):
        """GET path on this node's Patroni API: (status, json) or (0, None) if unreachable."""
        r = Client(REST_PORT, host=self.address, timeout=2, errors_as_replies=True,
                   response_checks=[]).request("GET", path)
        return r.status, r.json

    def is_primary(self):
        return self.rest("/primary")[0] == 200

    def is_sync_standby(self):
        return self.rest("/sync")[0] == 200

    def psql(self, database="modforge"):
        return Psql(self.address, user=SUPERUSER, database=database, port=PG_PORT)


def wait_for_primary(nodes, timeout):
    """The node Patroni made primary (waiting at most timeout seconds), or None."""
    return wait_until(lambda: next((n for n in nodes if n.is_primary()), None), timeout, 0.2)
