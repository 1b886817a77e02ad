"""Starts and stops modforge's private stack (PostgreSQL, FastCGI handlers, worker, nginx, and an
SMTP sink that keeps every mail in the Maildir <run dir>/mail/).

Used by `make run` (`/usr/bin/python3 -m tests.kit.stack run --port 3000`), by the test suites
and by bench/ (`Stack(...).start()`). Standard library only. Every process it starts is
remembered by pid (each in its own process group) and stopped by that pid; nothing is ever
killed by name. The multi-host suite (tests/scaleout) makes one Stack per host: some of the
roles only, in a network namespace (tests.kit.hosts), on a database and a files directory that
the hosts share.
"""
import argparse
import atexit
import json
import os
import pwd
import shutil
import signal
import socket
import stat
import subprocess
import sys
import tempfile
import time

from tests.kit.hosts import LocalHost
from tests.kit.http import Client
from tests.kit.mailbox import Mailbox
from tests.kit.ports import free_port
from tests.kit.processes import alive, child_pids, group_alive, signal_group
from tests.kit.psql import DATABASE as DB_NAME, PORT as PG_PORT, USER as DB_USER, Psql, PsqlError
from tests.kit.waits import wait_until

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PG_BIN = "/usr/lib/postgresql/15/bin"
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
SPAWN_FCGI = shutil.which("spawn-fcgi") or "/usr/bin/spawn-fcgi"
MULTIWATCH = shutil.which("multiwatch") or "/usr/bin/multiwatch"
WEB_USER = "www-data"     # nginx workers and, when we are root, the handlers and the worker
START_TIMEOUT = 20.0
SOCKET_PATH_MAX = 100     # sun_path is 108 bytes; keep a margin
# multiwatch gives a child's slot up after -r deaths in a row, each within -t ms of its start.
# Its defaults (3 within 10 s) left no handler at all after a dozen crashes spread over 11 s
# (tests/faults/test_handler_crashes.py); a handler that served for a second is now always
# restarted, one that cannot start is tried 10 times. Same flags in the systemd unit.
MULTIWATCH_RETRY = ["-r", "10", "-t", "1000"]
# What a stack runs: the FastCGI handlers (spawn-fcgi + multiwatch), the workers and nginx.
ALL_ROLES = ("handlers", "workers", "nginx")
# The SMTP sink runs on Debian's Python, which has python3-aiosmtpd.
SYSTEM_PYTHON = "/usr/bin/python3"
MAIL_SINK = os.path.join(REPO, "tests", "kit", "mail_sink.py")


class StackError(RuntimeError):
    """Something in the stack did not come up; the message carries the logs' tails."""


def traversable_by_others(path):
    """True if every existing ancestor of path (and path) has o+x, so postgres/www-data reach it."""
    path = os.path.abspath(path)
    while True:
        if os.path.exists(path) and not os.stat(path).st_mode & stat.S_IXOTH:
            return False
        parent = os.path.dirname(path)
        if parent == path:
            return True
        path = parent


def _tail(path, lines=25):
    try:
        with open(path, "rb") as f:
            data = f.read()[-16384:].decode("utf-8", "replace").splitlines()
    except OSError as e:
        return "  (%s)" % e
    return "\n".join("  " + line for line in data[-lines:]) or "  (empty)"


def _wait_gone(pgid, timeout):
    """True once no process of the group pgid is left (waiting at most timeout seconds)."""
    return wait_until(lambda: not group_alive(pgid), timeout)


def saved_pids(rundir):
    """{role: pid} of the processes a stack started in rundir (its stack.pids), or {}: what bench/
    measures of a stack it did not start, and what a new start stops of one left behind."""
    try:
        with open(os.path.join(rundir, "stack.pids")) as f:
            return json.load(f)
    except (OSError, ValueError):
        return {}


def postmaster_pid(rundir):
    """The pid of the PostgreSQL cluster in rundir/pgdata (from postmaster.pid), or None."""
    try:
        with open(os.path.join(rundir, "pgdata", "postmaster.pid")) as f:
            return int(f.readline())
    except (OSError, ValueError):
        return None


class Stack:
    """One private modforge stack under a run directory; start() it, stop() it.

    By default it is the whole service on this machine, with a PostgreSQL cluster of its own.
    For one host of several: `host` says where its processes run (a tests.kit.hosts object),
    `listen` the address nginx listens on, `roles` which of ALL_ROLES it starts, `database` the
    settings of a database run by someone else ({"host": ..., "port": ...}, the
    MODFORGE_DATABASE_<KEY> variables: no cluster is made and nothing migrated), `data_dir` the
    files directory the hosts share (made by the caller)."""

    def __init__(self, root_dir=REPO, http_port=3000, handlers=2, extra_env=None, *,
                 name="dev", workers=1, bin_dir=None, auth_rate="200r/s", host=None,
                 listen="127.0.0.1", roles=ALL_ROLES, database=None, data_dir=None):
        self.root = os.path.abspath(root_dir)
        self.port = int(http_port)
        self.handlers = int(handlers)
        self.workers = int(workers)
        self.extra_env = dict(extra_env or {})
        self.name = name
        self.bin_dir = os.path.abspath(bin_dir or os.path.join(self.root, "build", "bin"))
        self.auth_rate = auth_rate
        self.host = host or LocalHost()
        self.listen = listen
        self.roles = tuple(roles)
        self.external_database = dict(database) if database is not None else None
        self._data_dir = data_dir
        self.is_root = os.geteuid() == 0
        self.rundir = None
        self.url = "http://%s:%d" % (self.listen, self.port)
        self._procs = {}          # role -> Popen, each the leader of its own process group
        self._logs = []           # open log file objects handed to children
        self._started = False
        self._stopping = False
        self._tmp_rundir = False
        self.mail_port = None     # the SMTP sink's, once it is started

    # ---- paths -------------------------------------------------------------------------
    def path(self, *parts):
        return os.path.join(self.rundir, *parts)

    @property
    def pg_socket_dir(self):
        return self.path("pg")

    @property
    def fcgi_socket(self):
        return self.path("fcgi.sock")

    @property
    def data_dir(self):
        return self._data_dir or self.path("data")

    @property
    def metrics_dir(self):
        """Where the handlers and workers keep the counters GET /metrics reports."""
        return self.path("metrics")

    def log(self, name):
        return self.path("logs", name)

    @property
    def maildir(self):
        """The Maildir where the SMTP sink keeps every mail the workers deliver (new/ holds them)."""
        return self.path("mail")

    @property
    def mailbox(self):
        return Mailbox(self.maildir)

    def relay_plan(self, actions):
        """What the SMTP sink does with the next messages, one action each (see
        tests/kit/mail_sink.py: "451", "drop", "store-then-drop", "store-then-kill:PID"); then it
        stores them again. [] restores that at once."""
        control = self.path("mail-control.json")
        with open(control + ".tmp", "w") as f:
            json.dump(list(actions), f)
        os.replace(control + ".tmp", control)

    def relay_plan_left(self):
        """The actions of relay_plan not taken yet."""
        try:
            with open(self.path("mail-control.json")) as f:
                return json.load(f)
        except (OSError, ValueError):
            return []

    def _choose_rundir(self):
        candidate = os.path.join(self.root, "build", "run", self.name)
        longest = os.path.join(candidate, "pg", ".s.PGSQL.%d.lock" % PG_PORT)
        if traversable_by_others(candidate) and len(longest) <= SOCKET_PATH_MAX:
            self._kill_stale(candidate)
            shutil.rmtree(candidate, ignore_errors=True)
            # Create build/, build/run/ and the run dir 0755 whatever the umask.
            missing = []
            d = candidate
            while not os.path.exists(d):
                missing.append(d)
                d = os.path.dirname(d)
            for d in reversed(missing):
                os.mkdir(d)
                os.chmod(d, 0o755)
            return candidate
        # The repo is not reachable by postgres/www-data (e.g. under /root): use /tmp instead.
        self._tmp_rundir = True
        d = tempfile.mkdtemp(prefix="modforge-")
        os.chmod(d, 0o755)
        return d

    # ---- users -------------------------------------------------------------------------
    def _chown(self, path, user):
        if self.is_root:
            pw = pwd.getpwnam(user)
            os.chown(path, pw.pw_uid, pw.pw_gid)

    def _mkdir(self, rel, mode=0o755, owner=None):
        p = self.path(rel)
        os.makedirs(p, exist_ok=True)
        os.chmod(p, mode)
        if owner:
            self._chown(p, owner)
        return p

    # ---- environment -------------------------------------------------------------------
    def env(self):
        """Environment of every modforge program: the whole config, no config file."""
        env = dict(os.environ)
        # The test harness's own variables are not configuration (the programs would refuse
        # them as unknown keys).
        for harness in ("MODFORGE_TEST_RUN", "MODFORGE_BIN_DIR"):
            env.pop(harness, None)
        env.update({
            "MODFORGE_CONFIG": "/dev/null",
            "MODFORGE_DATABASE_HOST": self.pg_socket_dir,
            "MODFORGE_DATABASE_PORT": str(PG_PORT),
            "MODFORGE_DATABASE_NAME": DB_NAME,
            "MODFORGE_DATABASE_USER": DB_USER,
            "MODFORGE_FILES_DATA_DIR": self.data_dir,
            # Links in mail lead back to this stack; the mail goes to its SMTP sink.
            "MODFORGE_HTTP_PUBLIC_URL": self.url,
            "MODFORGE_METRICS_DIRECTORY": self.metrics_dir,
        })
        for key, value in (self.external_database or {}).items():
            env["MODFORGE_DATABASE_" + key.upper()] = str(value)
        if self.mail_port is not None:
            env["MODFORGE_MAIL_RELAY"] = "smtp://127.0.0.1:%d" % self.mail_port
        env.setdefault("MODFORGE_SECURITY_BCRYPT_COST", "12")
        env.update({k: str(v) for k, v in self.extra_env.items()})
        return env

    def _open_log(self, name):
        f = open(self.log(name), "ab")
        self._logs.append(f)
        return f

    # ---- PostgreSQL --------------------------------------------------------------------
    def _pg_run(self, args, what):
        """Run a PostgreSQL tool as the cluster owner; its output goes to logs/pg_ctl.log."""
        argv, kw = self.host.command([os.path.join(PG_BIN, args[0])] + args[1:], "postgres")
        with open(self.log("pg_ctl.log"), "ab") as out:
            r = subprocess.run(argv, cwd=self.rundir, stdin=subprocess.DEVNULL, stdout=out,
                               stderr=subprocess.STDOUT, env=dict(os.environ, LC_ALL="C"), **kw)
        if r.returncode != 0:
            raise StackError("%s failed (exit %d):\n%s\npostgres.log:\n%s" % (
                what, r.returncode, _tail(self.log("pg_ctl.log")), _tail(self.log("postgres.log"))))

    def _pg_init(self):
        self._mkdir("pgdata", 0o700, "postgres")
        self._mkdir("pg", 0o755, "postgres")
        open(self.log("postgres.log"), "ab").close()
        self._chown(self.log("postgres.log"), "postgres")
        # -N: the test cluster is thrown away, so initdb need not fsync (the server still does).
        self._pg_run(["initdb", "-D", self.path("pgdata"), "-A", "trust", "-U", DB_USER,
                      "-E", "UTF8", "--locale=C", "-N"], "initdb")
        with open(self.path("pgdata", "postgresql.conf"), "a") as f:
            f.write("\n# modforge private cluster: unix socket only\n"
                    "listen_addresses = ''\n"
                    "unix_socket_directories = '%s'\n"
                    "port = %d\n"
                    "max_connections = 100\n"
                    "log_line_prefix = '%%m [%%p] '\n" % (self.pg_socket_dir, PG_PORT))

    def pg_start(self):
        self._pg_run(["pg_ctl", "-D", self.path("pgdata"), "-l", self.log("postgres.log"),
                      "-w", "-t", "30", "start"], "pg_ctl start")

    def pg_stop(self, mode="fast"):
        self._pg_run(["pg_ctl", "-D", self.path("pgdata"), "-m", mode, "-w", "-t", "60",
                      "stop"], "pg_ctl stop -m " + mode)

    def handlers_stop(self):
        """Stops multiwatch and every handler (for tests of what nginx does without them)."""
        self.stop_role("handlers")

    def handlers_start(self):
        self._start_handlers()

    def pid(self, role):
        """The pid of the process started under `role` ("handlers" is multiwatch: spawn-fcgi -n
        execs it, as in the systemd unit, whose MAINPID it is)."""
        return self._procs[role].pid

    def handler_pids(self):
        """The FastCGI handler processes now: multiwatch's children."""
        return child_pids(self._procs["handlers"].pid)

    def has_role(self, role):
        """True if the process of `role` ("handlers", "nginx", "worker0", ...) was started and
        not stopped since."""
        return role in self._procs

    def worker_roles(self):
        """The roles of the workers started and not stopped since."""
        return [role for role in self._procs if role.startswith("worker")]

    def worker_pids(self):
        """{role: pid} of the workers that are running now."""
        return {role: p.pid for role, p in self._procs.items()
                if role.startswith("worker") and p.poll() is None}

    def exited(self):
        """(role, exit status) of a started process that has exited since, or None."""
        for role, p in self._procs.items():
            if p.poll() is not None:
                return role, p.returncode
        return None

    def postmaster_pid(self):
        return postmaster_pid(self.rundir)

    def pg_running(self):
        pid = self.postmaster_pid()
        return pid is not None and alive(pid)

    @property
    def database(self):
        """psql on the stack's cluster (the modforge database unless a call names another)."""
        return Psql(self.pg_socket_dir)

    def psql(self, sql, database=None):
        """Runs SQL in the modforge database (or `database`); psql's unaligned tuples-only
        output without its last newline."""
        return self.database.query(sql, database)

    # ---- modforge programs -------------------------------------------------------------
    def _binary(self, name):
        """Path of a modforge binary that the unprivileged users can execute."""
        src = os.path.join(self.bin_dir, name)
        if not os.path.exists(src):
            raise StackError("%s is missing: build it first (make)" % src)
        if self.is_root and not traversable_by_others(src):
            dst = self.path("bin", name)       # copy it where www-data can reach it
            os.makedirs(os.path.dirname(dst), exist_ok=True)
            os.chmod(os.path.dirname(dst), 0o755)
            shutil.copy2(src, dst)
            os.chmod(dst, 0o755)
            return dst
        return src

    def _migrate(self):
        admin = os.path.join(self.bin_dir, "modforge-admin")
        if not os.path.exists(admin):
            raise StackError("%s is missing: build it first (make)" % admin)
        with open(self.log("admin.log"), "ab") as out:
            r = subprocess.run([admin, "migrate"], cwd=self.rundir, env=self.env(),
                               stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT,
                               timeout=120)
        if r.returncode != 0:
            raise StackError("modforge-admin migrate failed (exit %d):\n%s" % (
                r.returncode, _tail(self.log("admin.log"))))

    def _spawn(self, role, argv, log, user=None, **kw):
        """Starts argv on the stack's host as `role` (as `user` when we are root)."""
        argv, as_user = self.host.command(argv, user if self.is_root else None)
        self._procs[role] = subprocess.Popen(
            argv, cwd=self.rundir, stdin=subprocess.DEVNULL, stdout=self._open_log(log),
            stderr=subprocess.STDOUT, start_new_session=True, **as_user, **kw)
        self._save_pids()

    def _start_handlers(self):
        cmd = [SPAWN_FCGI, "-n", "-s", self.fcgi_socket, "-M", "0660"]
        if self.is_root:
            # Handlers run unprivileged; the socket belongs to the nginx workers' user.
            cmd += ["-u", WEB_USER, "-g", WEB_USER, "-U", WEB_USER, "-G", WEB_USER]
        cmd += ["--", MULTIWATCH, "-f", str(self.handlers)] + MULTIWATCH_RETRY
        cmd += ["--", self._binary("modforge-fcgi")]
        self._spawn("handlers", cmd, "fcgi.log", env=self.env())

    def _start_workers(self):
        for i in range(self.workers):
            self.spawn_worker("worker%d" % i)

    def spawn_worker(self, role, extra_env=None):
        """Starts one modforge-worker (as the web user when root) under `role`; returns its Popen.
        extra_env overrides the stack's environment for this worker only."""
        env = self.env()
        env.update({k: str(v) for k, v in (extra_env or {}).items()})
        self._spawn(role, [self._binary("modforge-worker")], "worker.log", user=WEB_USER,
                    env=env)
        return self._procs[role]

    def stop_role(self, role, sig=signal.SIGTERM, timeout=10):
        """Stops one started process (and its process group) by its role."""
        self._stop_proc(role, sig, timeout)
        self._save_pids()

    def workers_stop(self):
        for role in [r for r in self._procs if r.startswith("worker")]:
            self.stop_role(role)

    def workers_start(self):
        self._start_workers()

    def _start_mail_sink(self):
        """The SMTP sink on a free loopback port; returns once it accepts connections."""
        self.mail_port = free_port()
        self.relay_plan([])
        self._spawn("mail", [SYSTEM_PYTHON, MAIL_SINK, "--port", str(self.mail_port),
                             "--maildir", self.maildir, "--control",
                             self.path("mail-control.json")], "mail.log")

        def accepting():
            if self._procs["mail"].poll() is not None:
                raise StackError("the SMTP sink exited (status %s)\n%s" % (
                    self._procs["mail"].returncode, _tail(self.log("mail.log"))))
            try:
                socket.create_connection(("127.0.0.1", self.mail_port), 1).close()
                return True
            except OSError:
                return False
        if not wait_until(accepting, START_TIMEOUT, 0.05):
            raise StackError("the SMTP sink does not accept connections on port %d\n%s" % (
                self.mail_port, _tail(self.log("mail.log"))))

    def _start_nginx(self):
        with open(os.path.join(self.root, "conf", "nginx", "modforge-local.conf.in")) as f:
            conf = f.read()
        subst = {
            "@USER_DIRECTIVE@": "user %s;" % WEB_USER if self.is_root else "",
            "@LISTEN@": self.listen,
            "@PORT@": str(self.port),
            "@RUNDIR@": self.rundir,
            "@SOCKET@": self.fcgi_socket,
            "@DATA_DIR@": self.data_dir,
            "@REPO@": self.root,
            "@AUTH_RATE@": self.auth_rate,
        }
        for k, v in subst.items():
            conf = conf.replace(k, v)
        with open(self.path("nginx.conf"), "w") as f:
            f.write(conf)
        self._mkdir("nginx")
        self._spawn("nginx", [NGINX, "-p", self.path("nginx") + "/", "-c", self.path("nginx.conf"),
                              "-e", self.log("nginx-error.log"), "-g", "daemon off;"],
                    "nginx-error.log")

    def _save_pids(self):
        with open(self.path("stack.pids"), "w") as f:
            json.dump({role: p.pid for role, p in self._procs.items()}, f)

    def _kill_stale(self, rundir):
        """A previous run that was SIGKILLed may have left its processes: stop those (only)."""
        pids = list(saved_pids(rundir).values())
        pm = postmaster_pid(rundir)
        if pm:
            pids.append(pm)
        for pid in pids:
            try:
                with open("/proc/%d/cmdline" % pid, "rb") as f:
                    ident = f.read()
                with open("/proc/%d/environ" % pid, "rb") as f:
                    ident += f.read()
            except OSError:
                continue
            if rundir.encode() in ident:      # it really is one of that run's processes
                signal_group(pid, signal.SIGKILL)
                _wait_gone(pid, 5)

    # ---- readiness ---------------------------------------------------------------------
    def _probe(self):
        return Client(self.port, timeout=2, host=self.listen).request("GET", "/api/health").status

    def _wait_ready(self):
        deadline = time.monotonic() + START_TIMEOUT
        last = "no answer"
        while time.monotonic() < deadline:
            for role, p in self._procs.items():
                if p.poll() is not None:
                    raise StackError("%s exited (status %s) during start\n%s" % (
                        role, p.returncode, self.diagnostics()))
            try:
                status = self._probe()
                if status == 200:
                    return
                last = "HTTP %d" % status
            except OSError as e:
                last = str(e)
            time.sleep(0.1)
        raise StackError("stack not ready after %ds: GET /api/health: %s (want 200)\n%s" % (
            START_TIMEOUT, last, self.diagnostics()))

    def diagnostics(self):
        parts = ["run dir: %s" % self.rundir]
        for name in ("nginx-error.log", "fcgi.log", "worker.log", "admin.log", "mail.log",
                     "postgres.log"):
            if os.path.exists(self.log(name)):
                parts.append("--- %s:\n%s" % (name, _tail(self.log(name))))
        return "\n".join(parts)

    # ---- lifecycle ---------------------------------------------------------------------
    def start(self):
        if self._started:
            return self
        self._started = True
        atexit.register(self.stop)
        install_signal_handlers()
        try:
            self.rundir = self._choose_rundir()
            self._mkdir("logs")
            if self._data_dir is None:
                self._mkdir("data", 0o755, WEB_USER)
                self._mkdir("data/files", 0o755, WEB_USER)
            self._mkdir("metrics", 0o755, WEB_USER)
            # One SMTP sink on this machine's loopback, for a stack that is the whole service
            # here (the hosts of the scale-out suite send no mail it reads).
            if isinstance(self.host, LocalHost):
                self._start_mail_sink()
            if self.external_database is None:
                self._pg_init()
                self.pg_start()
                self.psql_admin("CREATE DATABASE %s" % DB_NAME)
                self._migrate()
            self.start_roles()
        except BaseException:
            self.stop()
            raise
        return self

    def start_roles(self):
        """Starts the stack's roles (handlers, workers, nginx), and waits until nginx answers;
        also after kill_roles(), the run dir and the database staying as they were."""
        if "handlers" in self.roles:
            self._start_handlers()
        if "workers" in self.roles:
            self._start_workers()
        if "nginx" in self.roles:
            self._start_nginx()
            self._wait_ready()

    def signal_roles(self, sig):
        """Sends sig to every process of the roles at once (SIGKILL: as when their host dies)."""
        for p in self._procs.values():
            signal_group(p.pid, sig)

    def kill_roles(self):
        """SIGKILL to every process of the roles, and waits until they are gone."""
        self.signal_roles(signal.SIGKILL)
        for role in list(self._procs):
            self._stop_proc(role, signal.SIGKILL, 5)
        self._save_pids()

    def psql_admin(self, sql):
        """SQL against the maintenance database (CREATE DATABASE cannot run in modforge)."""
        return self.psql(sql, "postgres")

    def _stop_proc(self, role, sig, timeout):
        p = self._procs.pop(role, None)
        if p is None:
            return
        if p.poll() is None:
            try:
                p.send_signal(sig)
            except ProcessLookupError:
                pass
            try:
                p.wait(timeout)
            except subprocess.TimeoutExpired:
                pass
        # Whatever is left in its process group (nginx workers, handler children) goes now.
        if not _wait_gone(p.pid, 2 if p.poll() is not None else 0):
            signal_group(p.pid, signal.SIGKILL)
            _wait_gone(p.pid, 5)
        p.poll()

    def stop(self):
        """Stops nginx, the handlers, the workers and PostgreSQL, in that order. Idempotent."""
        if self._stopping or not self._started:
            return
        self._stopping = True
        # A second Ctrl-C must not abandon the cleanup halfway.
        old = {}
        for s in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
            try:
                old[s] = signal.signal(s, signal.SIG_IGN)
            except ValueError:      # not the main thread
                pass
        try:
            self._stop_proc("nginx", signal.SIGQUIT, 10)
            # The workers, and whatever else a test started under a role of its own.
            for role in [r for r in self._procs if r not in ("handlers", "mail")]:
                self._stop_proc(role, signal.SIGTERM, 10)
            # multiwatch passes a graceful USR1 to the handlers on TERM.
            self._stop_proc("handlers", signal.SIGTERM, 10)
            self._stop_proc("mail", signal.SIGTERM, 10)
            if self.rundir and self.external_database is None and self.pg_running():
                try:
                    self.pg_stop("fast")
                except StackError:
                    pid = self.postmaster_pid()
                    if pid:
                        signal_group(pid, signal.SIGKILL)
                        _wait_gone(pid, 5)
            for f in self._logs:
                f.close()
            self._logs = []
            if self.rundir and os.path.exists(self.path("stack.pids")):
                os.unlink(self.path("stack.pids"))
            if self._tmp_rundir and self.rundir:
                shutil.rmtree(self.rundir, ignore_errors=True)
        finally:
            for s, h in old.items():
                signal.signal(s, h)
            self._started = False
            self._stopping = False


def _raise_exit(signum, _frame):
    raise SystemExit(128 + signum)


def install_signal_handlers():
    """SIGTERM/SIGHUP unwind like Ctrl-C does, so atexit and finally blocks stop the stack."""
    for s in (signal.SIGTERM, signal.SIGHUP):
        try:
            if signal.getsignal(s) in (signal.SIG_DFL, None):
                signal.signal(s, _raise_exit)
        except ValueError:
            pass


def main(argv=None):
    ap = argparse.ArgumentParser(prog="python3 -m tests.kit.stack",
                                 description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    run = sub.add_parser("run", help="start the stack and stay in the foreground until Ctrl-C")
    run.add_argument("--port", type=int, default=3000)
    run.add_argument("--handlers", type=int, default=2)
    run.add_argument("--workers", type=int, default=1)
    run.add_argument("--name", default="dev", help="run dir build/run/NAME")
    run.add_argument("--bin-dir", help="where the modforge programs are (default build/bin)")
    args = ap.parse_args(argv)

    # Ctrl-C must stop the stack even when we were started with SIGINT ignored (as a shell does
    # for a background job), because Python then leaves SIGINT ignored.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    stack = Stack(REPO, args.port, args.handlers, name=args.name, workers=args.workers,
                  bin_dir=args.bin_dir)
    try:
        try:
            stack.start()
        except (StackError, PsqlError) as e:
            print("modforge: %s" % e, file=sys.stderr)
            return 1
        print("modforge is running at %s (run dir %s); its mail goes to %s/new/; Ctrl-C stops it"
              % (stack.url, stack.rundir, stack.maildir), flush=True)
        while stack.exited() is None:
            time.sleep(0.5)
        role, status = stack.exited()
        print("modforge: %s exited (status %s)\n%s" % (role, status, stack.diagnostics()),
              file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("\nmodforge: stopping", file=sys.stderr)
        return 0
    except SystemExit as e:
        return e.code
    finally:
        stack.stop()


if __name__ == "__main__":
    sys.exit(main())
