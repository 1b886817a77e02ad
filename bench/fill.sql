-- The benchmark's database: filler users, and the three users the benchmarks act as.
-- bench/run.py sets the psql variables fillers, filler_hash, login_hash, reader_token_hash and
-- writer_token_hash. Rows are inserted with SQL (generate_series), never through the API.
\set ON_ERROR_STOP 1
BEGIN;
-- A previous benchmark's users (against a running stack); their rows go with them (CASCADE).
DELETE FROM users WHERE username LIKE 'bench\_%';

-- Filler users, all with the same bcrypt hash, each with one session and one unknown token.
INSERT INTO users (username, username_key, email, password_hash, created_at, updated_at, is_active)
SELECT 'bench_fill_' || i, 'bench_fill_' || i, 'bench_fill_' || i || '@bench.invalid',
       :'filler_hash', now(), now(), true
FROM generate_series(1, :fillers) AS i;
INSERT INTO sessions (user_id, created_at, last_used_at)
SELECT id, now(), now() FROM users WHERE username LIKE 'bench\_fill\_%';
INSERT INTO session_tokens (session_id, user_id, token_hash, created_at, last_used_at)
SELECT s.id, s.user_id, encode(sha256(convert_to(gen_random_uuid()::text, 'UTF8')), 'hex'),
       now(), now()
FROM sessions s JOIN users u ON u.id = s.user_id
WHERE u.username LIKE 'bench\_fill\_%';

-- bench_reader: 10 sessions, "Session 1" the most recently used, with 20 completed jobs.
-- bench_writer: generate-mod piles its jobs up in its own session. bench_login: logs in.
INSERT INTO users (username, username_key, email, password_hash, created_at, updated_at, is_active)
VALUES ('bench_reader', 'bench_reader', 'bench_reader@bench.invalid', :'filler_hash',
        now(), now(), true),
       ('bench_writer', 'bench_writer', 'bench_writer@bench.invalid', :'filler_hash',
        now(), now(), true),
       ('bench_login', 'bench_login', 'bench_login@bench.invalid', :'login_hash',
        now(), now(), true);
INSERT INTO sessions (user_id, name, created_at, last_used_at)
SELECT u.id, 'Session ' || i, now() - interval '1 day', now() - i * interval '1 minute'
FROM users u, generate_series(1, 10) AS i
WHERE u.username = 'bench_reader';
INSERT INTO sessions (user_id, created_at, last_used_at)
SELECT id, now(), now() FROM users WHERE username IN ('bench_writer', 'bench_login');

-- The tokens the benchmarks send (their raw values are known to bench/run.py only).
INSERT INTO session_tokens (session_id, user_id, token_hash, created_at, last_used_at)
SELECT s.id, s.user_id, :'reader_token_hash', now(), now()
FROM sessions s JOIN users u ON u.id = s.user_id
WHERE u.username = 'bench_reader' AND s.name = 'Session 1';
INSERT INTO session_tokens (session_id, user_id, token_hash, created_at, last_used_at)
SELECT s.id, s.user_id, :'writer_token_hash', now(), now()
FROM sessions s JOIN users u ON u.id = s.user_id
WHERE u.username = 'bench_writer';

-- 20 completed jobs, shaped like the worker's (aiDecisions, result, logs, 4 images).
INSERT INTO jobs (user_id, session_id, job_id, status, progress, prompt, spec, result, logs,
                  error, created_at, updated_at, task, image_count, images_ready,
                  selected_image, image_variant, attempts, claim, lease_expires_at)
SELECT s.user_id, s.id, j.job_id, 'completed', 100, 'a glowing blue sword of frost, take ' || i,
       jsonb_build_object('itemName', 'Frost Sword', 'modName', 'Frost Sword',
                          'modId', 'frost_sword',
                          'description', 'A glowing blue sword of frost.', 'kind', 'sword',
                          'colours', jsonb_build_array('#3a7bd5', '#a8e0ff', '#1c2b4a')),
       jsonb_build_object('filename', 'frost_sword-' || j.job_id || '.zip', 'size', 23456),
       (SELECT jsonb_agg(jsonb_build_object(
                 'time', to_char(j.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
                 'message', m))
        FROM unnest(ARRAY['Queued', 'Analyzing the prompt', 'Drawing 4 images',
                          'Packaging the mod', 'Completed']) AS m),
       NULL, j.at, j.at + interval '2 seconds', 'generate', 4, 4, 0, 0, 1, 1, NULL
FROM sessions s JOIN users u ON u.id = s.user_id,
     generate_series(1, 20) AS i,
     -- Correlated with i, so evaluated (a new UUID) for every row.
     LATERAL (SELECT gen_random_uuid()::text AS job_id,
                     now() - (21 - i) * interval '1 minute' AS at) AS j
WHERE u.username = 'bench_reader' AND s.name = 'Session 1';
COMMIT;
ANALYZE;
