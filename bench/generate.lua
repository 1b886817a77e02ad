-- wrk: POST /api/generate-mod with a JSON prompt (the token comes from wrk -H).
wrk.method = "POST"
wrk.body = '{"prompt":"a glowing blue sword of frost"}'
wrk.headers["Content-Type"] = "application/json"
