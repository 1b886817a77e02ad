#!/usr/bin/env python3
"""Runs the documents' curl lines, as written, against a fresh private stack: docs/api.md's
walk-through first (its ids are those of an empty database), then README.md's quick start.

Every ```sh block under each document's section is run by one bash, in order, with only the
address changed (http://127.0.0.1:3000 -> the stack's port) and the Maildir of make run
(build/run/dev/mail -> the stack's). A `curl` shell function records
each call's status and body. A statement followed directly by a comment of the form
`# NNN {...}` must answer NNN, and every `"key":"value"` shown in full in that comment must
appear in the body; any other statement must answer 2xx. A statement
makes exactly one call, except a loop (until/while/for), which makes at least one.
Prints a line per command and ends with `N passed, N failed`.
"""
import os
import re
import subprocess
import sys
import tempfile

from tests.kit.ports import free_port
from tests.kit.stack import REPO, Stack

# (document, the heading of its section with the curl lines), in the order they run.
DOCUMENTS = [("docs/api.md", "## The curl walk-through"), ("README.md", "## Quick start")]
DOCUMENTED_URL = "http://127.0.0.1:3000"
DOCUMENTED_MAILDIR = "build/run/dev/mail"
STATUS_COMMENT = re.compile(r"^# (\d{3}) ")
# Every "key":"value" a comment shows in full (values elided with … are not compared).
SHOWN_FIELDS = re.compile(r'"(\w+)":"([^"…]*)"')

# Records every call; works inside $(...) and pipes, where the function is inherited.
CURL_FUNCTION = r'''
curl() {
    local out code
    out=$(command curl -w '\n%{http_code}' "$@")
    code=${out##*$'\n'}
    out=${out%$'\n'*}
    printf '%s\t%s\n' "$code" "${out//$'\n'/ }" >> "$CURL_LOG"
    printf '%s' "$out"
}
'''


def blocks(text, section):
    """The ```sh blocks of a document's section, in order."""
    if section not in text:
        return []
    text = text.split(section, 1)[1]
    text = re.split(r"\n## ", text, 1)[0]
    return re.findall(r"```sh\n(.*?)```", text, re.S)


LOOP_START = re.compile(r"^(until|while|for)\b")


def statements(block):
    """(text, first line, expected status or None, shown fields) per shell statement of a
    block. A statement goes on while a line ends with a backslash or a pipe, or, for a loop,
    until its `done`. Its expectation is a status comment right after it."""
    out = []
    lines = block.splitlines()
    i = 0
    while i < len(lines):
        line = lines[i]
        if not line.strip():
            i += 1
            continue
        if line.lstrip().startswith("#"):
            m = STATUS_COMMENT.match(line)
            if m and out and out[-1][2] is None and out[-1][4] == i:
                text, first, _, _, _ = out[-1]
                out[-1] = (text, first, int(m.group(1)), SHOWN_FIELDS.findall(line), i + 1)
            i += 1
            continue
        text = [line]
        loop = bool(LOOP_START.match(line.strip()))
        while (text[-1].rstrip().endswith(("\\", "|")) or
               (loop and not re.search(r"\bdone\b", text[-1]))) and i + 1 < len(lines):
            i += 1
            text.append(lines[i])
        i += 1
        # The last item is the line after the statement, where its status comment would be.
        out.append(("\n".join(text), line.strip(), None, [], i))
    return [o[:4] for o in out]


def main():
    stmts, where = [], []   # every document's statements, and the document of each
    for path, section in DOCUMENTS:
        with open(os.path.join(REPO, path)) as f:
            bs = blocks(f.read(), section)
        if not bs:
            print("FAIL %s has no sh blocks under %r" % (path, section))
            print("0 passed, 1 failed")
            return 1
        stmts += [st for b in bs for st in statements(b)]
        where += [path] * (len(stmts) - len(where))

    stack = Stack(REPO, free_port(), handlers=2,
                  name="-".join(filter(None, (os.environ.get("MODFORGE_TEST_RUN"), "docs"))),
                  workers=1,
                  bin_dir=os.environ.get("MODFORGE_BIN_DIR") or None)
    passed = failed = 0
    try:
        stack.start()
        # A marker before each statement, so that each curl call is matched to its statement.
        script = CURL_FUNCTION + "".join(
            "printf '#%d\\n' >> \"$CURL_LOG\"\n%s\n" % (
                n, text.replace(DOCUMENTED_URL, stack.url).replace(DOCUMENTED_MAILDIR,
                                                                    stack.maildir))
            for n, (text, _, _, _) in enumerate(stmts))
        # Downloads (curl -o, -OJ) land in a scratch directory, not in the tree.
        with tempfile.NamedTemporaryFile("r", suffix=".log") as log, \
                tempfile.TemporaryDirectory() as scratch:
            env = dict(os.environ, CURL_LOG=log.name)
            r = subprocess.run(["bash", "-c", script], env=env, stdin=subprocess.DEVNULL,
                               capture_output=True, text=True, timeout=300, cwd=scratch)
            calls = {}
            current = None
            for line in log:
                line = line.rstrip("\n")
                if line.startswith("#"):
                    current = int(line[1:])
                    calls[current] = []
                else:
                    calls[current].append(line.split("\t", 1))
        if r.returncode != 0:
            print("FAIL the walk-through exited with %d: %s" % (r.returncode, r.stderr.strip()))
            failed += 1
        for n, (text, first, status, fields) in enumerate(stmts):
            made = calls.get(n)
            if "curl " not in text:
                continue
            problems = []
            if made is None:
                problems.append("never ran")
            elif not made:
                problems.append("made no call")
            elif len(made) > 1 and not LOOP_START.match(first):
                problems.append("made %d calls" % len(made))
            for code, body in made or []:
                if status is None and not code.startswith("2"):
                    problems.append("answered %s, want 2xx: %s" % (code, body[:200]))
                elif status is not None and int(code) != status:
                    problems.append("answered %s, want %d: %s" % (code, status, body[:200]))
                for name, value in fields:
                    if '"%s":"%s"' % (name, value) not in body:
                        problems.append('body lacks "%s":"%s": %s' % (name, value, body[:200]))
            if problems:
                failed += 1
                print("FAIL %s: %s: %s" % (where[n], first, "; ".join(problems)))
            else:
                passed += 1
                print("ok   %s: %s -> %s" % (where[n], first,
                                              ",".join(sorted({c for c, _ in made}))))
    except Exception as e:     # the stack did not start: one failure, with the reason
        print("FAIL %s" % e)
        failed += 1
    finally:
        stack.stop()
    print("%d passed, %d failed" % (passed, failed))
    return 0 if failed == 0 and passed > 0 else 1


if __name__ == "__main__":
    sys.exit(main())
