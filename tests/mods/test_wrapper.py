"""A generated project builds with one command: its ./gradlew starts the wrapper jar assembled
from Debian's libgradle-core-java, which reads gradle/wrapper/gradle-wrapper.properties,
downloads the distribution it names (here a tiny one served from file://, since there is no
network), checks its SHA-256 and launches it; a wrong SHA-256 is refused."""
import hashlib
import os
import re
import shutil
import subprocess
import tempfile
import unittest
import zipfile

from tests.mods import samples

# What the wrapper must pin: the release Fabric Loom 1.6 needs, and its published checksum.
GRADLE_URL = "https://services.gradle.org/distributions/gradle-8.7-bin.zip"
GRADLE_SHA256 = "544c35d6bd849ae8a5ed0bcea39ba677dc40f49df7d1835561582da2009b961d"
MARKER = "modforge stand-in Gradle ran with:"
LAUNCHER = """package org.gradle.launcher;

public class GradleMain {
    public static void main(String[] args) {
        System.out.println("%s " + String.join(" ", args));
    }
}
""" % MARKER


def properties(path):
    with open(path, encoding="iso-8859-1") as f:
        return dict(line.rstrip("\n").split("=", 1) for line in f
                    if "=" in line and not line.startswith("#"))


def stand_in_distribution(directory):
    """A zip laid out like gradle-8.7-bin.zip (gradle-8.7/lib/gradle-launcher-8.7.jar) whose
    GradleMain prints MARKER and its arguments; returns (path, sha256)."""
    src = os.path.join(directory, "src", "org", "gradle", "launcher")
    os.makedirs(src)
    with open(os.path.join(src, "GradleMain.java"), "w") as f:
        f.write(LAUNCHER)
    classes = os.path.join(directory, "classes")
    subprocess.run(["javac", "--release", "17", "-d", classes, os.path.join(src, "GradleMain.java")],
                   check=True)
    launcher = os.path.join(directory, "gradle-launcher-8.7.jar")
    with zipfile.ZipFile(launcher, "w") as jar:
        jar.write(os.path.join(classes, "org", "gradle", "launcher", "GradleMain.class"),
                  "org/gradle/launcher/GradleMain.class")
    dist = os.path.join(directory, "gradle-8.7-bin.zip")
    with zipfile.ZipFile(dist, "w") as z:
        # Directory entries first, as in Gradle's own zips: the wrapper creates no parents.
        z.writestr("gradle-8.7/", "")
        z.writestr("gradle-8.7/bin/", "")
        z.writestr("gradle-8.7/bin/gradle", "#!/bin/sh\n")
        z.writestr("gradle-8.7/lib/", "")
        z.write(launcher, "gradle-8.7/lib/gradle-launcher-8.7.jar")
    with open(dist, "rb") as f:
        return dist, hashlib.sha256(f.read()).hexdigest()


class WrapperTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory(prefix="modforge-wrapper.")
        cls.project = samples.project("a frost sword", cls.tmp.name)
        cls.dist, cls.sha256 = stand_in_distribution(os.path.join(cls.tmp.name, "dist"))

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def path(self, *parts):
        return os.path.join(self.project, *parts)

    def gradlew(self, sha256, home):
        """Runs ./gradlew build in a copy of the project whose properties point at the stand-in
        distribution."""
        project = os.path.join(self.tmp.name, "run-" + os.path.basename(home))
        shutil.copytree(self.project, project, symlinks=True)
        wrapper = os.path.join(project, "gradle", "wrapper", "gradle-wrapper.properties")
        with open(wrapper, encoding="iso-8859-1") as f:
            text = f.read()
        text = re.sub(r"(?m)^distributionUrl=.*$",
                      lambda _: "distributionUrl=file\\:" + self.dist, text)
        text = re.sub(r"(?m)^distributionSha256Sum=.*$",
                      lambda _: "distributionSha256Sum=" + sha256, text)
        with open(wrapper, "w", encoding="iso-8859-1") as f:
            f.write(text)
        env = {"PATH": os.environ["PATH"], "GRADLE_USER_HOME": home, "LANG": "C.UTF-8"}
        return subprocess.run(["./gradlew", "build", "--offline"], cwd=project, env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                              timeout=120)

    def test_project_carries_the_wrapper(self):
        for name in ("gradlew", "gradlew.bat", "gradle/wrapper/gradle-wrapper.jar"):
            self.assertTrue(os.path.isfile(self.path(name)), name)
        self.assertTrue(os.access(self.path("gradlew"), os.X_OK), "gradlew is not executable")
        with open(self.path("gradlew.bat"), "rb") as f:
            self.assertIn(b"\r\n", f.read(), "gradlew.bat must have CRLF line ends")
        with open(self.path("gradle", "wrapper", "gradle-wrapper.jar"), "rb") as ours, \
                open(os.path.join(os.path.dirname(samples.BIN), "gradle", "gradle-wrapper.jar"), "rb") as built:
            self.assertEqual(ours.read(), built.read(), "the zip's jar is not the one the build made")

    def test_properties_pin_the_release_and_its_checksum(self):
        props = properties(self.path("gradle", "wrapper", "gradle-wrapper.properties"))
        self.assertEqual(props["distributionUrl"].replace("\\:", ":"), GRADLE_URL)
        self.assertEqual(props["distributionSha256Sum"], GRADLE_SHA256)

    def test_jar_has_its_manifest_receipt_and_cli_classes(self):
        with zipfile.ZipFile(self.path("gradle", "wrapper", "gradle-wrapper.jar")) as jar:
            names = jar.namelist()
            manifest = jar.read("META-INF/MANIFEST.MF").decode()
            receipt = jar.read("build-receipt.properties").decode()
        self.assertIn("Main-Class: org.gradle.wrapper.GradleWrapperMain", manifest)
        self.assertIn("versionNumber=4.4.1", receipt)
        self.assertIn("org/gradle/cli/CommandLineParser.class", names)
        self.assertIn("org/gradle/wrapper/GradleWrapperMain.class", names)

    def test_gradlew_downloads_checks_and_launches_the_distribution(self):
        home = os.path.join(self.tmp.name, "home-good")
        run = self.gradlew(self.sha256, home)
        self.assertEqual(run.returncode, 0, run.stdout)
        self.assertIn(MARKER + " build --offline", run.stdout)
        unpacked = os.path.join(home, "wrapper", "dists", "gradle-8.7-bin")
        self.assertTrue(os.path.isdir(unpacked), "the distribution was not unpacked under "
                        "GRADLE_USER_HOME")

    def test_gradlew_refuses_a_wrong_checksum(self):
        run = self.gradlew("0" * 64, os.path.join(self.tmp.name, "home-bad"))
        self.assertNotEqual(run.returncode, 0, run.stdout)
        self.assertNotIn(MARKER, run.stdout)
        self.assertIn("Verification of Gradle distribution failed", run.stdout)


if __name__ == "__main__":
    unittest.main()
