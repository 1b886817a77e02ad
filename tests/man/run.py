#!/usr/bin/python3
"""The man pages in debian/ are the one source of each program's commands, options, environment,
signals and exit statuses, and of every configuration key: this suite fails when a program (or
its --help) and its man page disagree, or a man page has a formatting error.

It needs only the built programs (MODFORGE_BIN_DIR, default build/bin): they are run without a
database (a socket directory where no PostgreSQL listens), so every command fails to connect,
which is enough to tell a known command or option (exit 1) from an unknown one (exit 2).
Prints a line per check and ends with `N passed, N failed`.
"""
import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import time

from tests.man import help_text
from tests.man.troff import ManPage

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BIN = os.path.join(REPO, os.environ.get("MODFORGE_BIN_DIR") or "build/bin")
PAGES = ["debian/modforge-admin.8", "debian/modforge-fcgi.8", "debian/modforge-worker.8",
         "debian/modforge.conf.5"]
# Documents whose code (``` blocks and `spans`) may show modforge-admin commands.
DOCUMENTS = ["README.md", "debian/README.Debian"]
# What a placeholder of a synopsis stands for when the test runs the command.
SAMPLE_VALUES = {"USER": "alice", "USERNAME": "alice", "EMAIL": "alice@example.com", "N": "1"}
EXIT_USAGE = 2
SECONDS_TO_STOP = 10

results = []


def check(name):
    """Registers a check: a function that returns a list of problems (empty: passed)."""
    def register(f):
        results.append((name, f))
        return f
    return register


def without_brackets(text):
    return text.replace("<", "").replace(">", "")


def names(entries):
    """{name: description} from list entries whose left column names several ("A, B")."""
    return {n.strip(): d for left, d in entries for n in without_brackets(left).split(",")}


def differences(what, from_program, from_man):
    problems = []
    if sorted(from_program) != sorted(from_man):
        only_program = sorted(set(from_program) - set(from_man))
        only_man = sorted(set(from_man) - set(from_program))
        if only_program:
            problems.append("%s in the program but not in the man page: %s" % (what, only_program))
        if only_man:
            problems.append("%s in the man page but not in the program: %s" % (what, only_man))
        if not problems:
            problems.append("%s differ: program %s, man page %s" % (what, from_program, from_man))
    return problems


class NoDatabase:
    """An environment for the programs with a configuration that loads but a database that
    cannot be reached, and a files directory of its own."""

    def __enter__(self):
        self.dir = tempfile.TemporaryDirectory(prefix="modforge-man-")
        os.mkdir(os.path.join(self.dir.name, "data"))
        env = {k: v for k, v in os.environ.items() if not k.startswith("MODFORGE_")}
        env.update(MODFORGE_CONFIG="/dev/null",
                   MODFORGE_DATABASE_HOST=os.path.join(self.dir.name, "no-postgresql-here"),
                   MODFORGE_DATABASE_CONNECT_TIMEOUT="1",
                   MODFORGE_FILES_DATA_DIR=os.path.join(self.dir.name, "data"))
        self.env = env
        return self

    def __exit__(self, *exc):
        self.dir.cleanup()


def run(program, *args, env, stdin=""):
    return subprocess.run([os.path.join(BIN, program)] + list(args), input=stdin, env=env,
                          capture_output=True, text=True, timeout=60)


def program_help(program, *args):
    with NoDatabase() as nd:
        r = run(program, *(list(args) + ["--help"]), env=nd.env)
    if r.returncode != 0:
        raise AssertionError("%s %s --help exited %d: %s"
                             % (program, " ".join(args), r.returncode, r.stderr.strip()))
    return r.stdout


def signal_names(mask_hex):
    mask = int(mask_hex, 16)
    return {signal.Signals(n).name for n in range(1, 65)
            if mask >> (n - 1) & 1 and n in signal.valid_signals()}


def handled_signals(pid):
    """The signals process `pid` catches or ignores, once that set has held still for a second
    (the programs install their handlers after reading the configuration)."""
    seen, still_since, deadline = None, None, time.time() + SECONDS_TO_STOP
    while time.time() < deadline:
        with open("/proc/%d/status" % pid) as f:
            fields = dict(line.split(":\t", 1) for line in f.read().splitlines() if ":\t" in line)
        now = signal_names(fields["SigCgt"]) | signal_names(fields["SigIgn"])
        if now != seen:
            seen, still_since = now, time.time()
        elif now and time.time() - still_since >= 1:
            return now
        time.sleep(0.1)
    return seen


class Daemon:
    """modforge-fcgi or modforge-worker started without a database; modforge-fcgi gets a
    listening unix socket as its standard input, as spawn-fcgi gives it."""

    def __init__(self, program, nd):
        self.program, self.nd = program, nd

    def __enter__(self):
        self.listener = socket.socket(socket.AF_UNIX)
        self.listener.bind(os.path.join(self.nd.dir.name, "fcgi-%d.sock" % time.monotonic_ns()))
        self.listener.listen(8)
        self.process = subprocess.Popen([os.path.join(BIN, self.program)], env=self.nd.env,
                                        stdin=self.listener.fileno(), stdout=subprocess.DEVNULL,
                                        stderr=subprocess.DEVNULL)
        self.signals = handled_signals(self.process.pid)
        return self

    def stop_by(self, sig):
        """The exit status after `sig`, or None if it is still running after a while."""
        self.process.send_signal(sig)
        try:
            return self.process.wait(SECONDS_TO_STOP)
        except subprocess.TimeoutExpired:
            return None

    def __exit__(self, *exc):
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        self.listener.close()


def signal_kinds(entries):
    """{signal: "stops" or "ignored"} from (names, description) entries."""
    out = {}
    for left, description in entries:
        d = description.lower()
        kind = "stops" if "exit 0" in d else "ignored" if d.startswith("ignored") else "?"
        for n in left.split(","):
            out[n.strip()] = kind
    return out


def lint_checks():
    for page in PAGES:
        @check("%s: man --warnings finds nothing" % page)
        def lint(page=page):
            if not os.path.exists(os.path.join(REPO, page)):
                return ["missing"]
            r = subprocess.run(["man", "--warnings", "-l", "-Tutf8", os.path.join(REPO, page)],
                               env=dict(os.environ, LC_ALL="C.UTF-8", MANWIDTH="80"),
                               capture_output=True, text=True, timeout=60)
            return ([] if r.returncode == 0 and not r.stderr.strip()
                    else ["exit %d: %s" % (r.returncode, r.stderr.strip())])


def shared_checks(program, man):
    """Options, environment and exit statuses: the same in --help and in the man page."""
    @check("%s: --help and the man page list the same options" % program)
    def options():
        return differences("options", names(help_text.lists(program_help(program))["options"]),
                           names(man.tagged("OPTIONS")))

    @check("%s: --help and the man page list the same environment" % program)
    def environment():
        return differences("variables",
                           names(help_text.lists(program_help(program))["environment"]),
                           names(man.tagged("ENVIRONMENT")))

    @check("%s: --help and the man page list the same exit statuses" % program)
    def exit_statuses():
        return differences("exit statuses", help_text.exit_codes(program_help(program)),
                           [int(t) for t, _ in man.tagged("EXIT STATUS")])

    @check("%s: reads MODFORGE_CONFIG and MODFORGE_<SECTION>_<KEY>" % program)
    def reads_environment():
        problems = []
        args = ["stats"] if program == "modforge-admin" else []
        with NoDatabase() as nd:
            missing = os.path.join(nd.dir.name, "missing.conf")
            r = run(program, *args, env=dict(nd.env, MODFORGE_CONFIG=missing))
            if r.returncode != 1 or missing not in r.stderr:
                problems.append("MODFORGE_CONFIG=%s: exit %d, %r" % (missing, r.returncode,
                                                                      r.stderr.strip()))
            r = run(program, *args, env=dict(nd.env, MODFORGE_JOBS_IMAGE_COUNT="0"))
            if r.returncode != 1 or "jobs.image_count" not in r.stderr:
                problems.append("MODFORGE_JOBS_IMAGE_COUNT=0: exit %d, %r"
                                % (r.returncode, r.stderr.strip()))
        return problems


def admin_checks():
    program = "modforge-admin"
    man = ManPage(os.path.join(REPO, "debian/modforge-admin.8"))
    shared_checks(program, man)

    def man_commands():
        return {tag.split()[0]: (tag, body) for tag, body in man.tagged("COMMANDS")}

    def help_commands():
        return {left.split()[0]: left
                for left, _ in help_text.lists(program_help(program))["commands"]}

    @check("modforge-admin: --help and the man page list the same commands")
    def same_commands():
        return differences("commands", list(help_commands()), list(man_commands()))

    for name in man_commands():
        @check("modforge-admin %s: the same usage in the man page, --help and %s --help"
               % (name, name))
        def usage(name=name):
            from_man = man_commands()[name][0]
            problems = []
            listed = help_commands().get(name)
            if listed != from_man:
                problems.append("--help lists %r, the man page %r" % (listed, from_man))
            own = help_text.usage_line(program_help(program, name))
            if own != "modforge-admin " + from_man:
                problems.append("%s --help says usage %r, the man page %r" % (name, own, from_man))
            return problems

        @check("modforge-admin %s: the same exit statuses in the man page and %s --help"
               % (name, name))
        def command_exit_statuses(name=name):
            body = man_commands()[name][1]
            m = re.search(r"Exit status: ([\d, ]+)", body)
            if not m:
                return ["the man page gives no \"Exit status:\" for it"]
            return differences("exit statuses",
                               help_text.exit_codes(program_help(program, name)),
                               [int(n) for n in re.findall(r"\d+", m.group(1))])

        @check("modforge-admin %s: takes what the man page shows and refuses anything else"
               % name)
        def accepted(name=name):
            words = man_commands()[name][0].replace("[", " ").replace("]", " ").split()[1:]
            args = [SAMPLE_VALUES.get(w, w) for w in words]
            problems = []
            with NoDatabase() as nd:
                r = run(program, name, *args, env=nd.env, stdin="correct horse battery\n")
                if r.returncode == EXIT_USAGE:
                    problems.append("%s %s: usage error: %s" % (name, " ".join(args),
                                                                r.stderr.strip()))
                r = run(program, name, *(args + ["--no-such-option"]), env=nd.env)
                if r.returncode != EXIT_USAGE or "unknown command" in r.stderr:
                    problems.append("%s --no-such-option: exit %d, %r"
                                    % (name, r.returncode, r.stderr.strip()))
            return problems

    @check("modforge-admin: an unknown command is a usage error")
    def unknown_command():
        with NoDatabase() as nd:
            r = run(program, "no-such-command", env=nd.env)
        return ([] if r.returncode == EXIT_USAGE and "unknown command" in r.stderr
                else ["exit %d: %r" % (r.returncode, r.stderr.strip())])

    @check("the documents name only modforge-admin commands of its man page")
    def documents():
        known = set(man_commands())
        paths = DOCUMENTS + sorted(os.path.join("docs", f)
                                   for f in os.listdir(os.path.join(REPO, "docs"))
                                   if f.endswith(".md"))
        problems = []
        for path in paths:
            with open(os.path.join(REPO, path), encoding="utf-8") as f:
                text = f.read()
            # In Markdown only code counts (``` blocks and `spans`): prose may say "modforge-admin
            # reads ...".
            pieces = (re.findall(r"```.*?```|`[^`\n]+`", text, re.S) if path.endswith(".md")
                      else [text])
            for piece in pieces:
                for used in re.findall(r"modforge-admin[ \t]+([a-z][a-z-]*)", piece):
                    if used not in known:
                        problems.append("%s: modforge-admin %s" % (path, used))
        return problems


def daemon_checks(program):
    man = ManPage(os.path.join(REPO, "debian/%s.8" % program))
    shared_checks(program, man)

    @check("%s: --help and the man page list the same signals" % program)
    def same_signals():
        from_help = signal_kinds(help_text.lists(program_help(program))["signals"])
        from_man = signal_kinds(man.tagged("SIGNALS"))
        problems = differences("signals", list(from_help), list(from_man))
        problems += ["%s: --help says it %s, the man page that it %s" % (s, k, from_man[s])
                     for s, k in from_help.items() if s in from_man and from_man[s] != k]
        return problems

    @check("%s: handles exactly the signals of its man page, as it says" % program)
    def signals_as_said():
        kinds = signal_kinds(man.tagged("SIGNALS"))
        problems = ["%s: the man page says neither \"exit 0\" nor \"Ignored\"" % s
                    for s, k in kinds.items() if k == "?"]
        with NoDatabase() as nd:
            with Daemon(program, nd) as d:
                problems += differences("signals", sorted(d.signals), sorted(kinds))
                for s in sorted(s for s, k in kinds.items() if k == "ignored"):
                    d.process.send_signal(signal.Signals[s])
                    time.sleep(0.5)
                    if d.process.poll() is not None:
                        problems.append("%s stopped it (exit %d)" % (s, d.process.returncode))
                        break
            for s in sorted(s for s, k in kinds.items() if k == "stops"):
                with Daemon(program, nd) as d:
                    status = d.stop_by(signal.Signals[s])
                    if status != 0:
                        problems.append("%s: %s" % (s, "still running" if status is None
                                                    else "exit %d" % status))
        return problems

    @check("%s: refuses an argument other than --help (exit 2)" % program)
    def refuses_arguments():
        with NoDatabase() as nd:
            r = run(program, "--no-such-option", env=nd.env)
        return ([] if r.returncode == EXIT_USAGE and "--no-such-option" in r.stderr
                else ["exit %d: %r" % (r.returncode, r.stderr.strip())])

    if program == "modforge-fcgi":
        @check("modforge-fcgi: exit 1, said why, when standard input is not a listening socket")
        def needs_a_listening_socket():
            with NoDatabase() as nd:
                r = subprocess.run([os.path.join(BIN, program)], env=nd.env,
                                   stdin=subprocess.DEVNULL, capture_output=True, text=True,
                                   timeout=60)
            return ([] if r.returncode == 1 and "not a listening socket" in r.stderr
                    else ["exit %d: %r" % (r.returncode, r.stderr.strip())])


def main():
    os.chdir(REPO)
    lint_checks()
    admin_checks()
    daemon_checks("modforge-fcgi")
    daemon_checks("modforge-worker")
    passed = failed = 0
    for name, f in results:
        try:
            problems = f()
        except Exception as e:     # a program that is missing or crashed: this check fails
            problems = ["%s: %s" % (type(e).__name__, e)]
        if problems:
            failed += 1
            print("FAIL %s" % name)
            for p in problems:
                print("     %s" % p)
        else:
            passed += 1
            print("ok   %s" % name)
    print("%d passed, %d failed" % (passed, failed))
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
