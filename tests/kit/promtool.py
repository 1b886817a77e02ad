"""Prometheus' own checker, promtool, as scripts/setup.sh installs it (taken out of Debian's
prometheus package): `check metrics` on a scrape, `check rules` on alert rules, `check config`
on a Prometheus configuration."""
import os
import shutil
import subprocess
import tempfile

PROMTOOL = "/usr/local/lib/modforge/promtool"


def path():
    """promtool's path; AssertionError if it is not installed (run scripts/setup.sh)."""
    found = PROMTOOL if os.access(PROMTOOL, os.X_OK) else shutil.which("promtool")
    assert found, "%s is missing: run scripts/setup.sh (as root)" % PROMTOOL
    return found


def _run(args, stdin=None):
    r = subprocess.run([path()] + args, input=stdin, capture_output=True, text=True, timeout=60)
    return r.returncode, (r.stdout + r.stderr).strip()


def _check_file(kind, yaml_text):
    with tempfile.NamedTemporaryFile("w", suffix=".yml") as f:
        f.write(yaml_text)
        f.flush()
        return _run(["check", kind, f.name])


def check_metrics(text):
    """promtool check metrics on a page: (exit status, what it said)."""
    return _run(["check", "metrics"], text)


def check_rules(yaml_text):
    """promtool check rules on a rules file's text: (exit status, what it said)."""
    return _check_file("rules", yaml_text)


def check_config(yaml_text):
    """promtool check config on a Prometheus configuration's text: (exit status, what it said)."""
    return _check_file("config", yaml_text)
