-- The PostgreSQL ceiling's table (database bench_ceiling): 100k SHA-256 hex keys in CHAR(64)
-- under a unique index, like session_tokens.token_hash.
\set ON_ERROR_STOP 1
DROP TABLE IF EXISTS lookup;
CREATE TABLE lookup (
  id BIGSERIAL PRIMARY KEY,
  key CHAR(64) NOT NULL,
  user_id BIGINT NOT NULL,
  created_at TIMESTAMPTZ NOT NULL);
INSERT INTO lookup (key, user_id, created_at)
SELECT encode(sha256(convert_to(i::text, 'UTF8')), 'hex'), i, now()
FROM generate_series(1, 100000) AS i;
CREATE UNIQUE INDEX lookup_key_i ON lookup (key);
ANALYZE lookup;
