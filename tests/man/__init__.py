"""The man pages against the programs (suite man of tests/run)."""
