"""The end-to-end suite: the real stack (nginx, FastCGI handlers, workers, PostgreSQL) over HTTP."""
