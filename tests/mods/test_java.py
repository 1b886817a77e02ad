"""The Java of generated mods compiles: a corpus of projects, one per kind and ability the kind
can carry (and per kind none and four at once), written by the generator, has all its sources
compiled in one javac run against tests/java/stubs/minecraft-1.20.1 (stubs of exactly the
Minecraft, Fabric and slf4j members the templates use, each naming its source). Their resource
files are checked too: valid JSON, and recipes whose keys cover their patterns."""
import json
import os
import subprocess
import tempfile
import time
import unittest
import zipfile

from tests.mods import samples

STUBS = os.path.join(samples.REPO, "tests", "java", "stubs", "minecraft-1.20.1")
SCHEMA = os.path.join(samples.REPO, "docs", "analyser.schema.json")
JAVAC_SECONDS = 60

# Which abilities each kind carries, as docs/mods.md states it.
ON_HIT = {"set_fire", "freeze", "lightning", "knockback", "poison", "wither"}
ON_USE = {"heal", "fireball", "teleport"}
ARMOUR = {"helmet", "chestplate", "leggings", "boots"}


def can_carry(kind, ability):
    effect = ability not in ON_HIT | ON_USE
    if kind in ARMOUR:
        return effect
    if kind == "food":
        return effect or ability == "heal"
    if kind == "bow":
        return effect or (ability in ON_HIT and ability != "lightning")
    return True


def java_files(root):
    return [os.path.join(d, f) for d, _, fs in os.walk(root) for f in fs if f.endswith(".java")]


class JavaCorpusTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory(prefix="modforge-java.")
        zips = os.path.join(cls.tmp.name, "zips")
        os.mkdir(zips)
        cls.listing = [line.split() for line in samples.run_tool("corpus", zips).splitlines()]
        cls.src = os.path.join(cls.tmp.name, "src")
        cls.resources = {}
        for entry in cls.listing:
            with zipfile.ZipFile(os.path.join(zips, entry[0])) as z:
                for name in z.namelist():
                    if name.endswith(".java"):
                        z.extract(name, cls.src)
                    elif name.endswith(".json"):
                        cls.resources[entry[0] + ":" + name] = z.read(name).decode()
        classes = os.path.join(cls.tmp.name, "classes")
        t0 = time.monotonic()
        cls.javac = subprocess.run(
            ["javac", "--release", "17", "-Xlint:all", "-Werror", "-encoding", "UTF-8",
             "-d", classes] + java_files(STUBS) + java_files(cls.src),
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        cls.javac_seconds = time.monotonic() - t0
        print("     javac: %d sources of %d projects in %.1f s" % (
            len(java_files(cls.src)), len(cls.listing), cls.javac_seconds), flush=True)

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def test_corpus_covers_every_kind_and_ability(self):
        with open(SCHEMA) as f:
            decisions = json.load(f)["$defs"]["decisions"]["properties"]
        kinds = decisions["kind"]["enum"]
        abilities = decisions["abilities"]["items"]["enum"]
        covered = {(e[1], a) for e in self.listing for a in e[2:]}
        wanted = {(k, a) for k in kinds for a in abilities if can_carry(k, a)}
        self.assertEqual(wanted - covered, set(), "kind and ability pairs the corpus lacks")
        self.assertEqual(covered - wanted, set(), "abilities on a kind that cannot carry them")
        self.assertEqual({e[1] for e in self.listing}, set(kinds))
        self.assertTrue(any(len(e) == 6 for e in self.listing), "no item with four abilities")

    def test_javac_compiles_the_corpus(self):
        self.assertEqual(self.javac.returncode, 0, self.javac.stdout[-4000:])
        self.assertLess(self.javac_seconds, JAVAC_SECONDS)

    def test_resources_are_valid(self):
        recipes = 0
        for name, text in self.resources.items():
            with self.subTest(file=name):
                data = json.loads(text)
                if "/recipes/" in name:
                    recipes += 1
                    self.assertEqual(data["type"], "minecraft:crafting_shaped")
                    cells = set("".join(data["pattern"])) - {" "}
                    self.assertEqual(cells, set(data["key"]))
                    self.assertTrue(all(v["item"].startswith("minecraft:") for v in data["key"].values()))
                    self.assertEqual(data["result"]["item"].split(":")[0], data["result"]["item"].split(":")[1])
        self.assertEqual(recipes, len(self.listing))

    def test_stubs_name_their_source(self):
        for path in java_files(STUBS):
            with open(path) as f:
                first = f.readline()
            self.assertRegex(first, r"^// Stub for javac of [\w.]+ \(Minecraft 1\.20\.1\): .*(mappings/|\.java)",
                             path)


if __name__ == "__main__":
    unittest.main()
