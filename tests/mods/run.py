"""The mods suite: what a player does with a generated mod, without the network. The Java of a
corpus of generated projects compiled by javac against stubs of the Minecraft API, the Gradle
wrapper of a project launching a distribution served from file://, and the external analyser
adapter in contrib/ against a stand-in chat-completions server. A line per test, and last
`N passed, N failed`.

Usage, from the repository's root: /usr/bin/python3 -m tests.mods.run [test_module[.Class[.test]] ...]
"""
import sys

from tests import mods
from tests.kit import runner


def main(names):
    suite = runner.load(mods, names or runner.test_modules(mods))
    result = runner.LineResult(mods.__name__)
    suite.run(result)
    print("%d passed, %d failed" % (result.passed, result.failed), flush=True)
    return 0 if result.failed == 0 and result.passed > 0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
