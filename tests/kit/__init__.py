"""The Python test kit shared by the suites, bench/ and make run: stack, HTTP, psql, runner."""
