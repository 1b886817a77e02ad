-- wrk: POST /api/auth/login as the user bench/run.py filled (BENCH_USERNAME, BENCH_PASSWORD).
wrk.method = "POST"
wrk.body = string.format('{"username":"%s","password":"%s"}',
                         os.getenv("BENCH_USERNAME"), os.getenv("BENCH_PASSWORD"))
wrk.headers["Content-Type"] = "application/json"
