"""psql against a private PostgreSQL cluster over its unix socket (or a host's TCP port): one query
per call, a file with variables, or a long-lived session for many quick queries. The one psql
helper of the tests."""
import os
import subprocess

# The private clusters (the stack's and bench's): the port only names the socket file, since
# they listen on no TCP port; the superuser and the database are both called modforge.
PORT = 5432
USER = DATABASE = "modforge"


class PsqlError(RuntimeError):
    """psql exited with an error; the message carries what it ran and its stderr."""


class Psql:
    """psql -X -At -v ON_ERROR_STOP=1 as `user` on the cluster whose socket is in socket_dir (or,
    given an address such as "10.77.0.11", on that host's `port` over TCP); query_timeout:
    seconds a query may take (bench/ counts millions of rows)."""

    def __init__(self, socket_dir, user=USER, database=DATABASE, port=PORT, query_timeout=60):
        # psql takes only a "/..." as a socket directory; anything else is a host.
        is_dir = os.sep in socket_dir or os.path.isdir(socket_dir)
        self.socket_dir = os.path.abspath(socket_dir) if is_dir else socket_dir
        self.user, self.database, self.port = user, database, port
        self.query_timeout = query_timeout

    def _command(self, database):
        return ["psql", "-h", self.socket_dir, "-p", str(self.port), "-U", self.user,
                "-d", database or self.database, "-X", "-At", "-v", "ON_ERROR_STOP=1"]

    def _run(self, args, database, timeout, what):
        r = subprocess.run(self._command(database) + args, stdin=subprocess.DEVNULL,
                           capture_output=True, text=True, timeout=timeout,
                           env=dict(os.environ, PGCONNECT_TIMEOUT="5"))
        if r.returncode != 0:
            raise PsqlError("psql failed: %s\n%s" % (what, r.stderr.strip()))
        return r.stdout.rstrip("\n")

    def query(self, sql, database=None):
        """Runs sql (in `database`, default the cluster's own); psql's unaligned tuples-only
        output without its last newline: "a|b" per row, rows on lines of their own."""
        return self._run(["-c", sql], database, self.query_timeout, sql)

    def run_file(self, path, database=None, timeout=None, **variables):
        """Runs an SQL file with psql variables (-v name=value); no timeout by default (a large
        fill takes many minutes)."""
        args = []
        for name, value in variables.items():
            args += ["-v", "%s=%s" % (name, value)]
        return self._run(args + ["-f", path], database, timeout, path)

    def session(self, database=None):
        return PsqlSession(self._command(database))


class PsqlSession:
    """One long-lived psql reading queries on stdin: a query costs a millisecond, not a fork."""

    def __init__(self, command):
        self.p = subprocess.Popen(command + ["-q"], stdin=subprocess.PIPE,
                                  stdout=subprocess.PIPE, text=True, bufsize=1)

    def query(self, sql):
        """One row of one column (the query must return exactly one row)."""
        self.p.stdin.write(sql.rstrip(";") + ";\n")
        self.p.stdin.flush()
        return self.p.stdout.readline().rstrip("\n")

    def close(self):
        self.p.stdin.close()
        self.p.wait(10)
