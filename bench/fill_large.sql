-- --large: more users, tokens and jobs (1 M, 10 M, 10 M at --scale 1), by generate_series.
-- bench/run.py sets the psql variables users and per_user (tokens and jobs per user).
-- The rows are consistent by construction (ids counted from the current maxima), so this
-- session skips the foreign-key triggers (session_replication_role), and the two unique indexes
-- on random keys are built once at the end rather than row by row (same names and columns as
-- sql/modforge.sql).
\set ON_ERROR_STOP 1
SET maintenance_work_mem = '256MB';
SET session_replication_role = replica;
BEGIN;
SELECT coalesce(max(id), 0) AS user_base FROM users \gset
SELECT coalesce(max(id), 0) AS session_base FROM sessions \gset

INSERT INTO users (id, username, username_key, email, password_hash, created_at, updated_at,
                   is_active)
SELECT :user_base + i, 'bench_large_' || i, 'bench_large_' || i,
       'bench_large_' || i || '@bench.invalid', (SELECT password_hash FROM users
                                                  WHERE username = 'bench_reader'),
       now(), now(), true
FROM generate_series(1, :users) AS i;
INSERT INTO sessions (id, user_id, created_at, last_used_at)
SELECT :session_base + i, :user_base + i, now(), now() FROM generate_series(1, :users) AS i;

DROP INDEX session_tokens_token_hash_i;
INSERT INTO session_tokens (session_id, user_id, token_hash, created_at, last_used_at)
SELECT :session_base + 1 + i / :per_user, :user_base + 1 + i / :per_user,
       encode(sha256(convert_to(gen_random_uuid()::text, 'UTF8')), 'hex'), now(), now()
FROM generate_series(0, :users * :per_user - 1) AS i;
CREATE UNIQUE INDEX session_tokens_token_hash_i ON session_tokens (token_hash);

DROP INDEX jobs_job_id_i;
INSERT INTO jobs (user_id, session_id, job_id, status, progress, prompt, spec, result, logs,
                  error, created_at, updated_at, task, image_count, images_ready,
                  selected_image, image_variant, attempts, claim, lease_expires_at)
SELECT :user_base + 1 + i / :per_user, :session_base + 1 + i / :per_user,
       gen_random_uuid()::text, 'completed', 100, 'filler', NULL, NULL, '[]', NULL,
       now(), now(), 'generate', 4, 0, 0, 0, 1, 1, NULL
FROM generate_series(0, :users * :per_user - 1) AS i;
CREATE UNIQUE INDEX jobs_job_id_i ON jobs (job_id);

SELECT setval('users_id_seq', (SELECT max(id) FROM users));
SELECT setval('sessions_id_seq', (SELECT max(id) FROM sessions));
COMMIT;
ANALYZE;
