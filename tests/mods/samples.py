"""The generated projects the mods suite works on, written by build/bin/modforge-mod-samples (a
test program linked with the generator: tests/mods/mod_samples.cpp)."""
import os
import subprocess
import zipfile

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BIN = os.path.join(REPO, os.environ.get("MODFORGE_BIN_DIR") or "build/bin")
TOOL = os.path.join(BIN, "modforge-mod-samples")


def run_tool(*args):
    """The tool's standard output; fails the calling test when it fails."""
    done = subprocess.run([TOOL] + list(args), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          text=True, timeout=120)
    if done.returncode != 0:
        raise AssertionError("%s %s: exit %d: %s" % (TOOL, " ".join(args), done.returncode,
                                                     done.stderr))
    return done.stdout


def project(prompt, directory):
    """Writes the project zip for a prompt, extracts it (with the file modes the zip records)
    into directory, and returns the project's folder."""
    path = os.path.join(directory, "project.zip")
    run_tool("zip", prompt, path)
    with zipfile.ZipFile(path) as z:
        for info in z.infolist():
            z.extract(info, directory)
            mode = info.external_attr >> 16
            if mode:
                os.chmod(os.path.join(directory, info.filename), mode & 0o777)
        root = z.namelist()[0].split("/")[0]
    return os.path.join(directory, root)
