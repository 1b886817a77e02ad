"""modforge's benchmark, run as /usr/bin/python3 -m bench.run (see bench/README.md)."""
