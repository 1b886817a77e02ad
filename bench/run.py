"""modforge's benchmark: the machine's ceilings and modforge's endpoints, measured in one run.

From the top of the tree:
    /usr/bin/python3 -m bench.run [--quick] [--runs N] [--duration S] [--port P] [--handlers N]
        [--bin-dir D] [--users N] [--bcrypt-cost C] [--conn-limit] [--large [--scale F]]
    /usr/bin/python3 -m bench.run --url http://127.0.0.1:3000 --pg-socket build/run/dev/pg
    /usr/bin/python3 -m bench.run --abuse [--runs N] [--duration S]

Starts its own stack (build/run/bench) unless --url names a running one, fills the database
with SQL, runs every benchmark --runs times (round by round, so that the ceilings and modforge
share the machine's moods), prints one table and writes it as JSON to
build/bench/results-<timestamp>.json. See bench/README.md. Standard library only.
"""
import argparse
import glob
import hashlib
import json
import os
import platform
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid

from tests.kit.abuse import Abuse
from tests.kit.bcrypt import bcrypt
from tests.kit.http import Client
from tests.kit.ports import free_port
from tests.kit.processes import child_pids, rss_kib
from tests.kit.psql import PORT as PG_PORT, Psql, PsqlError
from tests.kit.stack import (NGINX, PG_BIN, REPO, WEB_USER, Stack, StackError, postmaster_pid,
                             saved_pids)

BENCH = os.path.dirname(os.path.abspath(__file__))

CONNECTIONS = 32
THREADS = 2
LOGIN_CONNECTIONS = (2, 8)
LOGIN_USER = "bench_login"
LOGIN_PASSWORD = "bench-password-1"
BCRYPT_SECONDS = 2.0
CORES = len(os.sched_getaffinity(0))
# Login and throttling limits and the quotas out of the way: the login benchmark measures
# bcrypt, generate-mod the queue, not them (bench_writer queues thousands of jobs a run).
STACK_ENV = {
    "MODFORGE_THROTTLE_PAIR_FAILURES": "1000",
    "MODFORGE_THROTTLE_ACCOUNT_FAILURES": "100000",
    "MODFORGE_THROTTLE_ADDRESS_FAILURES": "100000",
    "MODFORGE_THROTTLE_REGISTRATIONS_PER_ADDRESS": "100000",
    "MODFORGE_QUOTAS_JOBS_IN_FLIGHT": "100000",
    "MODFORGE_QUOTAS_JOBS_PER_DAY": "1000000",
    "MODFORGE_QUOTAS_SESSIONS": "1000000",
    "MODFORGE_QUOTAS_TOKENS": "1000000",
}
# --abuse: the product's own limits and quotas (the guessers and flooders must meet them), but for
# the jobs a day, which bench_writer's few hundred jobs a round would use up in the first round
# (the flooders meet the quota of jobs in flight long before); bcrypt's cost is set as always.
# The benchmark's users never fail a password: bench_login logs in from a known address.
ABUSE_STACK_ENV = {"MODFORGE_QUOTAS_JOBS_PER_DAY": "1000000"}
AUTH_RATE = "100000r/s"
# The performance goals besides the ratios of benchmarks() (median req/s over its ceiling's median).
RSS_TARGET_MB = {"handler": 16, "worker": 64}
LARGE_TARGET = 0.8        # at --large, verify and sessions within 20 % of the small figures


class Benchmark:
    """One wrk run against modforge: what it asks, with what, and what it is compared to."""

    def __init__(self, name, path, connections, ceiling, target, token=None, script=None,
                 p99_ms=None, label=None):
        self.name, self.path, self.connections = name, path, connections
        self.label = label or path
        self.ceiling, self.target, self.p99_ms = ceiling, target, p99_ms
        self.token, self.script = token, script


def benchmarks(fixture):
    """The modforge benchmarks of one round, in order; generate-mod last (it leaves work)."""
    reader, writer = fixture["reader_token"], fixture["writer_token"]
    b = [
        Benchmark("verify", "/api/auth/verify", CONNECTIONS, "pgbench", 0.6, reader, p99_ms=10),
        Benchmark("me", "/api/auth/me", CONNECTIONS, "pgbench", 0.5, reader),
        Benchmark("status", "/api/status/%s" % fixture["job_id"], CONNECTIONS, "pgbench", 0.5,
                  reader, label="/api/status/{job_id}"),
        Benchmark("sessions", "/api/sessions", CONNECTIONS, "pgbench", 0.3, reader),
        Benchmark("detail", "/api/sessions/%s" % fixture["session_id"], CONNECTIONS, "pgbench",
                  0.3, reader, label="/api/sessions/{id}"),
    ]
    b += [Benchmark("login@%d" % c, "/api/auth/login", c, "bcrypt", 0.9,
                    script=os.path.join(BENCH, "login.lua")) for c in LOGIN_CONNECTIONS]
    b.append(Benchmark("generate", "/api/generate-mod", CONNECTIONS, "pgbench", 0.2, writer,
                       script=os.path.join(BENCH, "generate.lua")))
    return b


def log(msg):
    print(msg, file=sys.stderr, flush=True)


# ---- tools ----------------------------------------------------------------------------------
def check_tools():
    """wrk, pgbench and psql must be there; say how to get them if not."""
    missing = [t for t in ("wrk", "psql") if not shutil.which(t)]
    if not os.path.exists(os.path.join(PG_BIN, "pgbench")):
        missing.append("pgbench")
    if missing:
        pkgs = " ".join(sorted({"wrk": "wrk", "psql": "postgresql-client-15",
                                "pgbench": "postgresql-15"}[t] for t in missing))
        sys.exit("bench: %s missing; install with: apt-get install -y %s" % (
            ", ".join(missing), pkgs))


# ---- PostgreSQL -----------------------------------------------------------------------------
def database(socket_dir, user="modforge"):
    """psql on the cluster whose socket is in socket_dir; a query may take 10 minutes (counts
    over the --large tables)."""
    return Psql(socket_dir, user, query_timeout=600)


def run_sql_file(db, name, database_name=None, **variables):
    """Runs bench/<name> with psql variables; no timeout (--large takes many minutes)."""
    return db.run_file(os.path.join(BENCH, name), database_name, **variables)


# ---- bcrypt ------------------------------------------------------------------------------------
def bcrypt_hash(password, cost):
    """A $2b$ hash at `cost`, the prefix modforge writes (so a login never re-hashes)."""
    return bcrypt(password, cost, "$2b$")


def bcrypt_rate(cost, threads=1, seconds=BCRYPT_SECONDS):
    """Hashes per second of `threads` threads hashing for about `seconds` (ctypes lets go of the
    GIL, so each thread has a core if one is free); p50 is the mean time of one hash."""
    counts = [0] * threads
    start = time.monotonic()

    def hash_until_done(i):
        while time.monotonic() - start < seconds:
            bcrypt_hash(LOGIN_PASSWORD, cost)
            counts[i] += 1
    pool = [threading.Thread(target=hash_until_done, args=(i,)) for i in range(threads)]
    for t in pool:
        t.start()
    for t in pool:
        t.join()
    elapsed = time.monotonic() - start
    n = sum(counts)
    return {"rps": n / elapsed, "p50": elapsed * threads / n * 1000, "p99": None, "errors": 0}


# ---- filling ---------------------------------------------------------------------------------
def fill_small(db, users, cost):
    """bench/fill.sql: `users` users in all; returns the tokens and ids the benchmarks use."""
    tokens = {k: str(uuid.uuid4()) for k in ("reader_token", "writer_token")}
    t = time.monotonic()
    run_sql_file(db, "fill.sql", fillers=max(users - 3, 0),
                filler_hash=bcrypt_hash("bench-filler-password", cost),
                login_hash=bcrypt_hash(LOGIN_PASSWORD, cost),
                **{k + "_hash": hashlib.sha256(v.encode()).hexdigest()
                   for k, v in tokens.items()})
    reader = "(SELECT id FROM users WHERE username = 'bench_reader')"
    fixture = dict(tokens)
    fixture["session_id"] = db.query(
        "SELECT id FROM sessions WHERE user_id = %s AND name = 'Session 1'" % reader)
    fixture["job_id"] = db.query(
        "SELECT job_id FROM jobs WHERE user_id = %s ORDER BY id LIMIT 1" % reader)
    log("bench: filled %d users in %.1f s" % (users, time.monotonic() - t))
    return fixture


def fill_large(db, scale):
    """bench/fill_large.sql: 1 M users with 10 tokens and 10 jobs each, times `scale`."""
    users = max(int(1000000 * scale), 1)
    t = time.monotonic()
    log("bench: --large: filling %d users, %d tokens, %d jobs (this takes a while)" % (
        users, users * 10, users * 10))
    run_sql_file(db, "fill_large.sql", users=users, per_user=10)
    counts = db.query("SELECT (SELECT count(*) FROM users) || ' users, ' || "
                      "(SELECT count(*) FROM session_tokens) || ' tokens, ' || "
                      "(SELECT count(*) FROM jobs) || ' jobs'")
    log("bench: --large: now %s (%.0f s)" % (counts, time.monotonic() - t))
    return counts


def drain_generated(db, timeout=60):
    """Drops generate-mod's queued jobs and waits for the worker to finish the one in hand, so
    that it does not compete with the next benchmarks."""
    writer = "(SELECT id FROM users WHERE username = 'bench_writer')"
    db.query("DELETE FROM jobs WHERE user_id = %s AND status = 'queued'" % writer)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and db.query(
            "SELECT count(*) FROM jobs WHERE user_id = %s AND status NOT IN "
            "('queued', 'completed', 'failed')" % writer) != "0":
        time.sleep(0.2)


# ---- ceilings --------------------------------------------------------------------------------
def prepare_pgbench(db):
    """Database bench_ceiling with the lookup table; checks that the lookup uses the index."""
    db.query("DROP DATABASE IF EXISTS bench_ceiling", "postgres")
    db.query("CREATE DATABASE bench_ceiling", "postgres")
    run_sql_file(db, "ceiling_setup.sql", "bench_ceiling")
    plan = db.query("EXPLAIN SELECT id FROM lookup WHERE key = "
                    "encode(sha256(convert_to('7', 'UTF8')), 'hex')::char(64)", "bench_ceiling")
    if "Index Scan" not in plan:
        log("bench: WARNING: the pgbench lookup does not use the index:\n" + plan)


def run_pgbench(db, duration):
    """pgbench -M prepared at the benchmarks' concurrency; latencies from its per-transaction
    log (microseconds, third field)."""
    logdir = tempfile.mkdtemp(prefix="modforge-bench-pgbench-")
    try:
        r = subprocess.run(
            [os.path.join(PG_BIN, "pgbench"), "-h", db.socket_dir, "-p", str(PG_PORT),
             "-U", db.user, "-n", "-M", "prepared", "-c", str(CONNECTIONS), "-j", str(THREADS),
             "-T", str(duration), "-f", os.path.join(BENCH, "ceiling_lookup.sql"),
             "-l", "--log-prefix", os.path.join(logdir, "tx"), "bench_ceiling"],
            stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=duration + 120)
        m = re.search(r"tps = ([\d.]+) \(without initial connection time\)", r.stdout)
        if r.returncode != 0 or not m:
            raise StackError("pgbench failed:\n%s%s" % (r.stdout[-2000:], r.stderr[-2000:]))
        failed = re.search(r"number of failed transactions: (\d+)", r.stdout)
        micros = []
        for path in glob.glob(os.path.join(logdir, "tx*")):
            with open(path) as f:
                micros += [int(line.split()[2]) for line in f]
        micros.sort()
        return {"rps": float(m.group(1)), "p50": percentile(micros, 50) / 1000,
                "p99": percentile(micros, 99) / 1000,
                "errors": int(failed.group(1)) if failed else 0}
    finally:
        shutil.rmtree(logdir, ignore_errors=True)


def percentile(sorted_values, p):
    if not sorted_values:
        return float("nan")
    return sorted_values[min(len(sorted_values) - 1, int(len(sorted_values) * p / 100))]


class CeilingNginx:
    """A second, tiny nginx (bench/ceiling-nginx.conf.in) with the stack's worker settings,
    answering a fixed 200 on another loopback port; the stack's own config stays untouched."""

    def __init__(self):
        self.port = free_port()
        self.url = "http://127.0.0.1:%d/ceiling" % self.port
        self.dir = tempfile.mkdtemp(prefix="modforge-bench-nginx-")
        os.chmod(self.dir, 0o755)
        self.proc = None

    def start(self):
        with open(os.path.join(REPO, "conf", "nginx", "modforge-local.conf.in")) as f:
            stack_conf = f.read()
        with open(os.path.join(BENCH, "ceiling-nginx.conf.in")) as f:
            conf = f.read()
        subst = {
            "@USER_DIRECTIVE@": "user %s;" % WEB_USER if os.geteuid() == 0 else "",
            "@WORKER_PROCESSES@": re.search(r"worker_processes\s+(\S+);", stack_conf).group(1),
            "@WORKER_CONNECTIONS@": re.search(r"worker_connections\s+(\d+);",
                                              stack_conf).group(1),
            "@DIR@": self.dir, "@PORT@": str(self.port),
        }
        for k, v in subst.items():
            conf = conf.replace(k, v)
        path = os.path.join(self.dir, "nginx.conf")
        with open(path, "w") as f:
            f.write(conf)
        self.proc = subprocess.Popen(
            [NGINX, "-p", self.dir + "/", "-c", path, "-e", os.path.join(self.dir, "error.log"),
             "-g", "daemon off;"], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
            stderr=subprocess.STDOUT, start_new_session=True)
        # Not modforge's API: no response check applies.
        client = Client(self.port, timeout=1, response_checks=[])
        deadline = time.monotonic() + 10
        while True:
            try:
                if client.request("GET", "/ceiling").status == 200:
                    return self
            except OSError:
                if self.proc.poll() is not None or time.monotonic() > deadline:
                    raise StackError("the ceiling nginx did not start (%s)" % self.dir)
                time.sleep(0.1)

    def stop(self):
        """Stops our nginx by its pid (and its process group, its own workers), then its dir."""
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGQUIT)
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                pass
        if self.proc:
            try:
                os.killpg(self.proc.pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                pass
            self.proc.wait()
        shutil.rmtree(self.dir, ignore_errors=True)


# ---- wrk -------------------------------------------------------------------------------------
def run_wrk(url, connections, duration, token=None, script=None):
    cmd = ["wrk", "-t", str(min(THREADS, connections)), "-c", str(connections),
           "-d", "%ds" % duration, "--latency", "--timeout", "10s"]
    if token:
        cmd += ["-H", "Authorization: Bearer " + token]
    if script:
        cmd += ["-s", script]
    env = dict(os.environ, BENCH_USERNAME=LOGIN_USER, BENCH_PASSWORD=LOGIN_PASSWORD)
    r = subprocess.run(cmd + [url], stdin=subprocess.DEVNULL, capture_output=True, text=True,
                       env=env, timeout=duration + 60)
    if r.returncode != 0:
        raise StackError("wrk failed: %s\n%s" % (r.stdout, r.stderr))
    return parse_wrk(r.stdout)


def _ms(text):
    m = re.match(r"([\d.]+)(us|ms|s|m|h)$", text)
    return float(m.group(1)) * {"us": 0.001, "ms": 1, "s": 1e3, "m": 6e4, "h": 3.6e6}[m.group(2)]


def parse_wrk(out):
    """requests/s, p50 and p99 in ms, and errors: non-2xx/3xx answers plus socket errors."""
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    non2xx = int(non2xx.group(1)) if non2xx else 0
    sock = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    total = int(re.search(r"(\d+) requests in ", out).group(1))
    rps_all = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    return {
        # Only the answers that succeeded count: a fast 429 is no throughput.
        "rps": rps_all * (total - non2xx) / total if total else 0.0,
        "rps_all": rps_all,
        "requests": total,
        # wrk's latencies cover every answer, errors included.
        "p50": _ms(re.search(r"^\s+50%\s+(\S+)", out, re.M).group(1)),
        "p99": _ms(re.search(r"^\s+99%\s+(\S+)", out, re.M).group(1)),
        "errors": non2xx + (sum(int(g) for g in sock.groups()) if sock else 0),
    }


def status_counts(access_log, offset):
    """HTTP statuses the stack's nginx logged since `offset` (to name what non-2xx were)."""
    counts = {}
    try:
        with open(access_log, "rb") as f:
            f.seek(offset)
            for line in f:
                m = re.search(rb'" (\d{3}) ', line)
                if m:
                    counts[m.group(1).decode()] = counts.get(m.group(1).decode(), 0) + 1
    except OSError:
        pass
    return counts


def log_size(path):
    try:
        return os.path.getsize(path)
    except (OSError, TypeError):
        return 0


# ---- measuring -------------------------------------------------------------------------------
def measure(args, url, db, nginx, fixture, rundir, names=None, rounds=None, ceilings=True):
    """Every benchmark (or those in `names`) once per round; returns {name: [sample, ...]}."""
    access_log = os.path.join(rundir, "logs", "nginx-access.log")
    samples = {}
    todo = [b for b in benchmarks(fixture) if names is None or b.name in names]
    for r in range(rounds or args.runs):
        log("bench: round %d/%d" % (r + 1, rounds or args.runs))
        if ceilings:
            add(samples, "nginx", run_wrk(nginx.url, CONNECTIONS, args.duration))
            add(samples, "pgbench", run_pgbench(db, args.duration))
            add(samples, "bcrypt", bcrypt_rate(args.bcrypt_cost))
            add(samples, "bcrypt_all", bcrypt_rate(args.bcrypt_cost, CORES))
        for b in todo:
            wait_idle(rundir)
            offset = log_size(access_log)
            cpu_before = stack_cpu(rundir)
            s = run_wrk(url + b.path, b.connections, args.duration, b.token, b.script)
            s["cpu_us"] = cpu_per_request(cpu_before, stack_cpu(rundir), s["requests"])
            if s["errors"]:
                s["statuses"] = status_counts(access_log, offset)
            add(samples, b.name, s)
            if b.name == "generate":
                drain_generated(db)
    return samples


def add(samples, name, s):
    samples.setdefault(name, []).append(s)
    log("bench:   %-10s %9.1f req/s  p50 %s  p99 %s  errors %d%s" % (
        name, s["rps"], fmt(s["p50"]), fmt(s["p99"]), s["errors"],
        "  %s" % s["statuses"] if s.get("statuses") else ""))


def summary(runs):
    """Median, min and max of each figure over the runs."""
    def med(key):
        values = [s[key] for s in runs if s[key] is not None]
        return statistics.median(values) if values else None
    cpu = {}
    for kind in sorted({k for s in runs for k in s.get("cpu_us", {})}):
        values = [s["cpu_us"][kind] for s in runs if s.get("cpu_us", {}).get(kind) is not None]
        cpu[kind] = statistics.median(values) if values else None
    out = {"cpu_us": cpu, "rps": med("rps"), "rps_min": min(s["rps"] for s in runs),
           "rps_max": max(s["rps"] for s in runs), "p50": med("p50"), "p99": med("p99"),
           "errors": sum(s["errors"] for s in runs), "runs": runs}
    statuses = {}
    for s in runs:
        for code, n in s.get("statuses", {}).items():
            # 499: wrk closing its connections at the end of a run, not an answer it counted.
            if not code.startswith("2") and code != "499":
                statuses[code] = statuses.get(code, 0) + n
    out["error_statuses"] = statuses
    return out


# ---- under abuse -----------------------------------------------------------------------------
def measure_jobs(url, token, duration):
    """One user, one job at a time, for `duration` seconds: POST generate-mod, then its status
    every 20 ms until it has completed. rps is jobs done per second; p50/p99 the time from the
    POST to completed (ms); errors the answers that were not 2xx."""
    client = Client(int(url.rsplit(":", 1)[1]), "modforge-bench/1.0", timeout=60)
    turnaround, errors = [], 0
    start = time.monotonic()
    while time.monotonic() - start < duration:
        t0 = time.monotonic()
        r = client.request("POST", "/api/generate-mod", {"prompt": "a benchmark bow"},
                           token=token)
        if r.status != 202:
            errors += 1
            continue
        while True:
            s = client.request("GET", "/api/status/" + r.json["job_id"], token=token)
            if s.status != 200:
                errors += 1
                break
            if s.json["job"]["status"] in ("completed", "failed"):
                turnaround.append((time.monotonic() - t0) * 1000)
                break
            time.sleep(0.02)
    turnaround.sort()
    elapsed = time.monotonic() - start
    return {"rps": len(turnaround) / elapsed, "p50": percentile(turnaround, 50),
            "p99": percentile(turnaround, 99), "errors": errors, "requests": len(turnaround)}


def measure_abuse(args, url, db, fixture, rundir):
    """Login at 2 and 8 connections and one user's jobs, each quiet and then under the abuse of
    tests/kit/abuse.py (25 password guessers, bench_login among their targets, and 25 queue
    flooders), round by round. {name: [sample, ...]}, names "<row>" and "<row> (abuse)"."""
    port = int(url.rsplit(":", 1)[1])
    client = Client(port, "modforge-bench/1.0", timeout=60)
    # bench_login's address becomes known to its account, as an owner's is.
    r = client.request("POST", "/api/auth/login", {"username": LOGIN_USER,
                                                   "password": LOGIN_PASSWORD})
    if r.status != 200:
        raise StackError("bench_login cannot log in: %r" % (r,))
    abuse = Abuse(port, [LOGIN_USER, "bench_reader"]).prepare()
    samples = {}
    for rnd in range(args.runs):
        log("bench: round %d/%d" % (rnd + 1, args.runs))
        add(samples, "bcrypt", bcrypt_rate(args.bcrypt_cost))
        for under in (False, True):
            suffix = " (abuse)" if under else ""
            if under:
                abuse.start()
            try:
                for c in LOGIN_CONNECTIONS:
                    if not under:
                        wait_idle(rundir)
                    add(samples, "login@%d%s" % (c, suffix),
                        run_wrk(url + "/api/auth/login", c, args.duration,
                                script=os.path.join(BENCH, "login.lua")))
                add(samples, "jobs" + suffix,
                    measure_jobs(url, fixture["writer_token"], args.duration))
            finally:
                if under:
                    abuse.stop()
                    log("bench:   abuse: %s" % abuse.summary())
    samples["abuse_counts"] = abuse.counts()
    return samples


def abuse_report(args, samples, rss, stack_url):
    """The --abuse report: each row quiet and under abuse, and their ratio."""
    bcrypt_ceiling = CORES * summary(samples["bcrypt"])["rps"]
    rows = []
    for name, label in [("login@%d" % c, "POST /api/auth/login") for c in LOGIN_CONNECTIONS] + \
                       [("jobs", "POST /api/generate-mod, then its status until completed")]:
        quiet, abused = summary(samples[name]), summary(samples[name + " (abuse)"])
        conns = int(name.split("@")[1]) if "@" in name else 1
        for s, which in ((quiet, "quiet"), (abused, "under abuse")):
            rows.append(dict(s, name=name, label="%s, %s" % (label, which), connections=conns,
                             ratio_to_quiet=s["rps"] / quiet["rps"] if quiet["rps"] else None,
                             ratio_to_bcrypt=s["rps"] / bcrypt_ceiling
                             if name.startswith("login") else None))
    counts = {}
    for (kind, status, code), n in samples["abuse_counts"].items():
        key = "%s %d%s" % (kind, status, " " + code if code else "")
        counts[key] = counts.get(key, 0) + n
    return {"time": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
            "machine": {"cores": CORES, "cpu": cpu_model(), "kernel": platform.release(),
                        "load_average": os.getloadavg()},
            "settings": {"runs": args.runs, "duration_s": args.duration,
                         "handlers": args.handlers, "bcrypt_cost": args.bcrypt_cost,
                         "url": stack_url, "abuse": "25 guessers, 25 flooders"},
            "bcrypt_ceiling_rps": bcrypt_ceiling, "rows": rows, "abuse_answers": counts,
            "rss": rss}


def abuse_table(report):
    head = ["benchmark", "conns", "per s", "min-max", "p50 ms", "p99 ms", "errors",
            "of quiet", "of bcrypt"]
    lines = [head]
    for r in report["rows"]:
        lines.append([r["label"], str(r["connections"]), fmt(r["rps"], 2),
                      "%s-%s" % (fmt(r["rps_min"], 2), fmt(r["rps_max"], 2)), fmt(r["p50"]),
                      fmt(r["p99"]), str(r["errors"]), fmt(r["ratio_to_quiet"], 2),
                      fmt(r["ratio_to_bcrypt"], 2)])
    widths = [max(len(line[i]) for line in lines) for i in range(len(head))]
    text = ["  ".join(cell.ljust(w) if i == 0 else cell.rjust(w)
                      for i, (cell, w) in enumerate(zip(line, widths))).rstrip()
            for line in lines]
    text.insert(1, "-" * len(text[0]))
    text.append("")
    text.append("login ceiling = %d cores x bcrypt = %.1f logins/s; 'per s' is logins or jobs "
                "done per second." % (report["machine"]["cores"], report["bcrypt_ceiling_rps"]))
    text.append("the abusers' answers, all rounds: " + ", ".join(
        "%s x%d" % kv for kv in sorted(report["abuse_answers"].items())))
    for p in report["rss"]:
        text.append("RSS %-7s pid %-7d %6s MB" % (p["kind"], p["pid"], fmt(p["rss_mb"])))
    return "\n".join(text)


# ---- RSS -------------------------------------------------------------------------------------
def process_rss(rundir):
    """VmRSS (MB) of each handler (multiwatch's children) and worker of the stack in rundir."""
    kinds = stack_processes(rundir)
    out = [("handler", pid, rss_mb(pid)) for pid in kinds["handlers"]]
    out += [("worker", pid, rss_mb(pid)) for pid in sorted(kinds["worker"])]
    return [{"kind": k, "pid": p, "rss_mb": m, "target_mb": RSS_TARGET_MB[k],
             "met": m is not None and m <= RSS_TARGET_MB[k]} for k, p, m in out]


def stack_processes(rundir):
    """{kind: [pid, ...]} of the stack in rundir: its handlers, nginx (master and workers),
    PostgreSQL (postmaster and backends) and workers."""
    roles = saved_pids(rundir)
    # spawn-fcgi -n execs multiwatch: the handlers role is multiwatch, the handlers its children.
    kinds = {"handlers": sorted(child_pids(roles["handlers"])) if "handlers" in roles else [],
             "nginx": [roles["nginx"]] + sorted(child_pids(roles["nginx"])) if "nginx" in roles
             else [],
             "worker": [pid for role, pid in roles.items() if role.startswith("worker")]}
    postmaster = postmaster_pid(rundir)
    kinds["postgres"] = [postmaster] + sorted(child_pids(postmaster)) if postmaster else []
    return kinds


def stack_cpu(rundir):
    """{pid: (kind, CPU seconds, user + system)} of the stack's processes now."""
    tick = os.sysconf("SC_CLK_TCK")
    out = {}
    for kind, pids in stack_processes(rundir).items():
        for pid in pids:
            try:
                with open("/proc/%d/stat" % pid) as f:
                    fields = f.read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            out[pid] = (kind, (int(fields[11]) + int(fields[12])) / tick)
    return out


def wait_idle(rundir, timeout=30.0, busy=0.02, step=0.5):
    """Waits until the stack's processes together use less than `busy` CPU seconds per `step`:
    requests that a run left queued (wrk stops; handlers finish what they had accepted, such as
    8 logins of bcrypt at cost 12) must not be counted in the next run."""
    deadline = time.monotonic() + timeout
    before = stack_cpu(rundir)
    while time.monotonic() < deadline:
        time.sleep(step)
        after = stack_cpu(rundir)
        spent = sum(sec - before.get(pid, (kind, 0.0))[1] for pid, (kind, sec) in after.items())
        if spent < busy:
            return
        before = after
    log("bench: the stack was still busy after %.0f s; measuring anyway" % timeout)


def cpu_per_request(before, after, requests):
    """CPU microseconds per request by kind of process between two stack_cpu() readings. A
    process that started meanwhile (a backend, a restarted handler) counts from zero; one that
    ended is lost, which the short runs here make rare. CPU time is what a request costs,
    whatever else the machine does, so it compares builds better than req/s on a busy machine."""
    per_kind = {}
    for pid, (kind, seconds) in after.items():
        spent = seconds - before.get(pid, (kind, 0.0))[1]
        per_kind[kind] = per_kind.get(kind, 0.0) + max(spent, 0.0)
    return {k: v / requests * 1e6 if requests else None for k, v in per_kind.items()}


def rss_mb(pid):
    try:
        return rss_kib(pid) / 1024
    except OSError:
        return None


# ---- report ----------------------------------------------------------------------------------
def fmt(v, digits=1):
    return "-" if v is None else "%.*f" % (digits, v)


def build_report(args, fixture, samples, large_samples, large_counts, rss, nginx, stack_url):
    ceilings = {n: summary(samples[n]) for n in ("nginx", "pgbench", "bcrypt", "bcrypt_all")}
    ceiling_rps = {"pgbench": ceilings["pgbench"]["rps"],
                   "bcrypt": CORES * ceilings["bcrypt"]["rps"]}
    rows = []
    for b in benchmarks(fixture):
        if b.name not in samples:         # left out by --only
            continue
        s = summary(samples[b.name])
        ratio = s["rps"] / ceiling_rps[b.ceiling]
        met = ratio >= b.target and (b.p99_ms is None or s["p99"] <= b.p99_ms)
        rows.append(dict(s, name=b.name, path=b.path, label=b.label, connections=b.connections,
                         ceiling=b.ceiling, ratio=ratio, target=b.target,
                         target_p99_ms=b.p99_ms, met=met))
    small = {r["name"]: r for r in rows}
    for name, runs in sorted(large_samples.items()):
        if name not in small:
            continue
        s = summary(runs)
        ratio = s["rps"] / small[name]["rps"]
        rows.append(dict(s, name=name + " (large)", path=small[name]["path"],
                         label=small[name]["label"] + " (large DB)",
                         connections=CONNECTIONS, ceiling="small " + name, ratio=ratio,
                         target=LARGE_TARGET, target_p99_ms=None, met=ratio >= LARGE_TARGET))
    return {
        "time": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "machine": {"cores": CORES, "cpu": cpu_model(), "kernel": platform.release(),
                    "load_average": os.getloadavg()},
        "settings": {"runs": args.runs, "duration_s": args.duration, "handlers": args.handlers,
                     "bin_dir": args.bin_dir, "users": args.users,
                     "bcrypt_cost": args.bcrypt_cost, "url": stack_url,
                     "connections": CONNECTIONS, "threads": THREADS,
                     "per_address_conn_limit": "as configured (--conn-limit)"
                     if args.conn_limit or args.url else "lifted",
                     "large": large_counts},
        "ceilings": dict(ceilings, login_ceiling_rps=ceiling_rps["bcrypt"],
                         nginx_url=nginx.url),
        "benchmarks": rows,
        "rss": rss,
    }


def cpu_model():
    try:
        with open("/proc/cpuinfo") as f:
            return re.search(r"model name\s*:\s*(.*)", f.read()).group(1)
    except (OSError, AttributeError):
        return platform.machine()


def table(report):
    """The report as aligned plain text."""
    c = report["ceilings"]
    head = ["benchmark", "conns", "req/s", "min-max", "p50 ms", "p99 ms", "errors", "ratio",
            "target", ""]
    lines = [head]

    def row(name, conns, s, ratio="", target="", met=""):
        lines.append([name, str(conns), fmt(s["rps"]),
                      "%s-%s" % (fmt(s["rps_min"]), fmt(s["rps_max"])),
                      fmt(s["p50"], 2), fmt(s["p99"], 2), str(s["errors"]), ratio, target, met])

    row("ceiling: nginx return 200 (2nd nginx)", CONNECTIONS, c["nginx"])
    row("ceiling: pgbench CHAR(64) point lookup", CONNECTIONS, c["pgbench"])
    row("ceiling: bcrypt cost %d, 1 core (hash/s)" % report["settings"]["bcrypt_cost"], 1,
        c["bcrypt"])
    row("(info) bcrypt, %d threads at once (hash/s)" % report["machine"]["cores"],
        report["machine"]["cores"], c["bcrypt_all"])
    for r in report["benchmarks"]:
        target = ">=%.1f x %s" % (r["target"], r["ceiling"])
        if r["target_p99_ms"]:
            target += ", p99<=%dms" % r["target_p99_ms"]
        verdict = "met" if r["met"] else "NOT MET"
        if r["errors"]:
            verdict += ", ERRORS %s" % " ".join(
                "%sx%d" % kv for kv in sorted(r["error_statuses"].items()))
        row("%s %s" % ("POST" if r["name"].startswith(("login", "generate")) else "GET",
                       r["label"]),
            r["connections"], r, "%.3f" % r["ratio"], target, verdict)
    widths = [max(len(line[i]) for line in lines) for i in range(len(head))]
    text = ["  ".join(cell.ljust(w) if i in (0, 8, 9) else cell.rjust(w)
                      for i, (cell, w) in enumerate(zip(line, widths))).rstrip()
            for line in lines]
    text.insert(1, "-" * len(text[0]))
    text.append("")
    text.append("login ceiling = %d cores x bcrypt = %.1f logins/s (the threads row shows what "
                "the cores gave at once: less when the machine is shared); other ratios are to "
                "pgbench." % (report["machine"]["cores"], c["login_ceiling_rps"]))
    text.append("req/s counts successful answers only; errors = non-2xx/3xx answers + socket "
                "errors (must be 0).")
    text.append("nginx per-address limit_conn on /api/: %s."
                % report["settings"]["per_address_conn_limit"])
    text.append("")
    text.append("CPU microseconds per request (median of the runs; all processes of each kind):")
    kinds = ("handlers", "nginx", "postgres", "worker")
    text.append("  %-34s %s %8s" % ("", " ".join("%8s" % k for k in kinds), "total"))
    for r in report["benchmarks"]:
        cpu = r.get("cpu_us", {})
        values = [cpu.get(k) for k in kinds]
        total = sum(v for v in values if v is not None)
        text.append("  %-34s %s %8s" % (r["label"][:34], " ".join("%8s" % fmt(v, 0)
                                                               for v in values), fmt(total, 0)))
    for p in report["rss"]:
        text.append("RSS %-7s pid %-7d %6s MB  (target <= %d MB: %s)" % (
            p["kind"], p["pid"], fmt(p["rss_mb"]), p["target_mb"],
            "met" if p["met"] else "NOT MET"))
    return "\n".join(text)


def write_json(report):
    out_dir = os.path.join(REPO, "build", "bench")
    os.makedirs(out_dir, exist_ok=True)
    path = os.path.join(out_dir, "results-%s.json" % time.strftime("%Y%m%d-%H%M%S"))
    with open(path + "+", "w") as f:
        json.dump(report, f, indent=2)
    os.replace(path + "+", path)
    return path


# ---- main ------------------------------------------------------------------------------------
def parse_args(argv):
    ap = argparse.ArgumentParser(prog="python3 -m bench.run", description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="1 run of 3 s each")
    ap.add_argument("--runs", type=int, default=3, help="runs of each benchmark (default 3)")
    ap.add_argument("--duration", type=int, default=10, help="seconds per run (default 10)")
    ap.add_argument("--port", type=int, help="the bench stack's HTTP port (default: a free one)")
    ap.add_argument("--handlers", type=int, default=2, help="FastCGI handler processes")
    ap.add_argument("--bin-dir", default=os.path.join(REPO, "build", "bin"),
                    help="the modforge programs to measure (default build/bin; another build's "
                         "bin dir compares two versions on the same database and config)")
    ap.add_argument("--only", help="comma-separated benchmarks to run (verify, me, status, "
                                   "sessions, detail, login@2, login@8, generate); the "
                                   "ceilings are always measured")
    ap.add_argument("--users", type=int, default=1000, help="users in the database")
    ap.add_argument("--bcrypt-cost", type=int, default=12, help="the configured bcrypt cost")
    ap.add_argument("--large", action="store_true",
                    help="then fill 1 M users, 10 M tokens, 10 M jobs and measure verify and "
                         "sessions again (many minutes)")
    ap.add_argument("--scale", type=float, default=1.0, help="scales --large's row counts")
    ap.add_argument("--conn-limit", action="store_true",
                    help="keep nginx's per-address limit_conn on /api/ in the bench stack (by "
                         "default its copy of the config lifts it: one client address makes all "
                         "32 connections)")
    ap.add_argument("--abuse", action="store_true",
                    help="instead of the usual rows: login at 2 and 8 connections and one "
                         "user's jobs, quiet and then while 25 clients guess passwords and 25 "
                         "flood the queue, on a stack with the product's default limits")
    ap.add_argument("--url", help="a running stack's base URL instead of starting one")
    ap.add_argument("--pg-socket", help="with --url: its PostgreSQL socket directory")
    ap.add_argument("--pg-user", default="modforge", help="with --url: a superuser of it")
    args = ap.parse_args(argv)
    if args.quick:
        args.runs, args.duration = 1, 3
    names = [b.name for b in benchmarks({"reader_token": "", "writer_token": "", "job_id": "",
                                         "session_id": ""})]
    unknown = [n for n in (args.only or "").split(",") if n and n not in names]
    if unknown:
        ap.error("--only: unknown benchmark %s (known: %s)" % (", ".join(unknown),
                                                               ", ".join(names)))
    if args.url and not args.pg_socket:
        ap.error("--url needs --pg-socket")
    if args.pg_socket:
        args.pg_socket = os.path.abspath(args.pg_socket)   # psql takes only a "/..." as a socket
    if args.url and args.conn_limit:
        ap.error("--conn-limit applies to the stack bench/ starts, not to --url")
    if args.abuse and (args.url or args.large or args.only):
        ap.error("--abuse runs on a stack of its own, with rows of its own")
    return args


def open_stack(args):
    """(stack we started or None, psql on its cluster, base URL, run dir or None)."""
    if args.url:
        rundir = os.path.dirname(os.path.abspath(args.pg_socket))
        return None, database(args.pg_socket, args.pg_user), args.url.rstrip("/"), rundir
    env = dict(ABUSE_STACK_ENV if args.abuse else STACK_ENV,
               MODFORGE_SECURITY_BCRYPT_COST=str(args.bcrypt_cost))
    root = REPO if args.conn_limit else conf_without_conn_limit()
    stack = Stack(root, args.port or free_port(), handlers=args.handlers, extra_env=env,
                  name="bench", workers=1, auth_rate=AUTH_RATE,
                  bin_dir=os.path.abspath(args.bin_dir))
    log("bench: starting the stack (%d handlers, 1 worker) at %s" % (args.handlers, stack.url))
    try:
        stack.start()
    except BaseException:       # start() stopped what it began; the copy of conf/ goes too
        if root != REPO:
            shutil.rmtree(root, ignore_errors=True)
        raise
    return stack, database(stack.pg_socket_dir), stack.url, stack.rundir


def conf_without_conn_limit():
    """Unless --conn-limit: a stack root (in /tmp) whose conf/nginx is a copy of ours with the
    /api/ per-address limit_conn raised. All wrk connections come from 127.0.0.1, and the shipped
    limit (requests in progress per address) would answer most of 32 connections with 429."""
    root = tempfile.mkdtemp(prefix="modforge-bench-root-")
    os.chmod(root, 0o755)
    shutil.copytree(os.path.join(REPO, "conf", "nginx"), os.path.join(root, "conf", "nginx"))
    path = os.path.join(root, "conf", "nginx", "modforge-locations.conf")
    with open(path) as f:
        conf = f.read()
    conf, n = re.subn(r"limit_conn\s+modforge_api_conn\s+\d+;",
                      "limit_conn modforge_api_conn 10000;", conf)
    if n == 0:
        log("bench: no limit_conn modforge_api_conn in %s (nothing to lift)"
            % path)
    with open(path, "w") as f:
        f.write(conf)
    return root


def main(argv=None):
    args = parse_args(argv)
    check_tools()
    stack = nginx = None
    try:
        stack, db, url, rundir = open_stack(args)
        fixture = fill_small(db, args.users, args.bcrypt_cost)
        if args.abuse:
            report = abuse_report(args, measure_abuse(args, url, db, fixture, rundir),
                                  process_rss(rundir), url)
            print(abuse_table(report))
            print("\nJSON: %s" % write_json(report))
            return 0
        prepare_pgbench(db)
        nginx = CeilingNginx().start()
        log("bench: nginx ceiling: a second nginx at %s (the stack's worker settings)" % nginx.url)
        samples = measure(args, url, db, nginx, fixture, rundir,
                          names=args.only.split(",") if args.only else None)
        large_samples, large_counts = {}, None
        if args.large:
            large_counts = fill_large(db, args.scale)
            large_samples = measure(args, url, db, nginx, fixture, rundir, ceilings=False,
                                    names=("verify", "sessions"))
        report = build_report(args, fixture, samples, large_samples, large_counts,
                              process_rss(rundir), nginx, url)
        print(table(report))
        print("\nnginx ceiling: a second nginx started by bench/ on %s with the stack's worker "
              "settings\n(the stack's own config is not changed). JSON: %s" % (
                  nginx.url, write_json(report)))
        return 0
    except (StackError, PsqlError) as e:
        log("bench: %s" % e)
        return 1
    finally:
        if nginx:
            nginx.stop()
        if stack:
            log("bench: stopping the stack")
            stack.stop()
            if stack.root != REPO:
                shutil.rmtree(stack.root, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
