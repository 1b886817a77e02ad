-- pgbench -M prepared: one point lookup of a random key of the 100k. The key is made in the
-- statement and cast to CHAR(64): a text-typed value against the CHAR column would not use the
-- index (bench/run.py checks the plan with EXPLAIN).
\set i random(1, 100000)
SELECT id, user_id, created_at FROM lookup WHERE key = encode(sha256(convert_to(:i::text, 'UTF8')), 'hex')::char(64);
