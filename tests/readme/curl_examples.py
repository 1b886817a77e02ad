#!/usr/bin/env python3
"""Runs README.md's curl walk-through, as written, against a fresh private stack.

Every ```sh block under "## Using the API with curl" is run by bash in order, with only the
address changed (http://127.0.0.1:3000 -> the stack's port). A `curl` shell function records
each call's status and body. A command followed directly by a comment of the form
`# NNN {...}` must answer NNN, and every `"code":"..."`, `"message":"..."` or `"error":"..."`
shown in that comment must appear in the body; any other command must answer 2xx.
Prints a line per command and ends with `N passed, N failed`.
"""
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(REPO, "scripts"))
from modforge_stack import Stack, free_port  # noqa: E402

SECTION = "## Using the API with curl"
README_URL = "http://127.0.0.1:3000"
STATUS_COMMENT = re.compile(r"^# (\d{3}) ")
SHOWN_FIELDS = re.compile(r'"(code|message|error)":"([^"]*)"')

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


def blocks(readme):
    """The ```sh blocks of the curl section, in order."""
    text = readme.split(SECTION, 1)[1]
    text = re.split(r"\n## ", text, 1)[0]
    return re.findall(r"```sh\n(.*?)```", text, re.S)


def expectations(block):
    """(first line of the command, expected status or None for 2xx, shown fields) per curl."""
    lines = block.splitlines()
    out = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if "curl " not in line or line.lstrip().startswith("#"):
            i += 1
            continue
        first = line.strip()
        # The command goes on while a line ends with a backslash or a pipe.
        while lines[i].rstrip().endswith(("\\", "|")):
            i += 1
        i += 1
        expected, fields = None, []
        if i < len(lines):
            m = STATUS_COMMENT.match(lines[i])
            if m:
                expected = int(m.group(1))
                fields = SHOWN_FIELDS.findall(lines[i])
        out.append((first, expected, fields))
    return out


def main():
    with open(os.path.join(REPO, "README.md")) as f:
        readme = f.read()
    bs = blocks(readme)
    if not bs:
        print("FAIL README.md has no sh blocks under %r" % SECTION)
        print("0 passed, 1 failed")
        return 1
    expected = [e for b in bs for e in expectations(b)]

    stack = Stack(REPO, free_port(), handlers=2, name="readme", workers=0)
    passed = failed = 0
    try:
        stack.start()
        with tempfile.NamedTemporaryFile("r", suffix=".log") as log:
            script = CURL_FUNCTION + "\n".join(b.replace(README_URL, stack.url) for b in bs)
            env = dict(os.environ, CURL_LOG=log.name)
            r = subprocess.run(["bash", "-c", script], env=env, stdin=subprocess.DEVNULL,
                               capture_output=True, text=True, timeout=120)
            calls = [line.rstrip("\n").split("\t", 1) for line in log]
        if r.returncode != 0:
            print("FAIL the walk-through exited with %d: %s" % (r.returncode, r.stderr.strip()))
            failed += 1
        if len(calls) != len(expected):
            print("FAIL %d curl commands in README.md, %d calls made" % (len(expected),
                                                                         len(calls)))
            failed += 1
        for (command, status, fields), (code, body) in zip(expected, calls):
            problems = []
            if status is None and not code.startswith("2"):
                problems.append("answered %s, want 2xx" % code)
            elif status is not None and int(code) != status:
                problems.append("answered %s, want %d" % (code, status))
            for name, value in fields:
                if '"%s":"%s"' % (name, value) not in body:
                    problems.append('body lacks "%s":"%s"' % (name, value))
            if problems:
                failed += 1
                print("FAIL %s: %s\n     body: %s" % (command, "; ".join(problems), body[:300]))
            else:
                passed += 1
                print("ok   %s -> %s" % (command, code))
    except Exception as e:     # the stack did not start: one failure, with the reason
        print("FAIL %s" % e)
        failed += 1
    finally:
        stack.stop()
    print("%d passed, %d failed" % (passed, failed))
    return 0 if failed == 0 and passed > 0 else 1


if __name__ == "__main__":
    sys.exit(main())
