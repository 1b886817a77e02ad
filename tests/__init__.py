"""modforge's tests, a package so that every suite imports the shared kit as tests.kit."""
