"""contrib/openai_analyser.py against a stand-in chat-completions server on loopback: what it
sends (the key from the systemd credentials directory, the schema, the conversation as turns),
what it prints, and how it fails. Its input and output are checked against
docs/analyser.schema.json (Debian's python3-jsonschema)."""
import http.server
import json
import os
import subprocess
import tempfile
import threading
import time
import unittest

import jsonschema

from tests.mods.samples import REPO

ADAPTER = os.path.join(REPO, "contrib", "openai_analyser.py")
SCHEMA_PATH = os.path.join(REPO, "docs", "analyser.schema.json")
KEY = "sk-stand-in-0123456789"

EARLIER = {"itemName": "Frost Sword", "modName": "Frost Sword Mod", "modId": "frost_sword_3fa2c1",
           "description": "Adds Frost Sword.", "kind": "sword", "colours": ["#96d2ff", "#3c4650"],
           "material": "frost", "tier": "diamond",
           "stats": {"attackDamage": 7, "attackSpeed": 1.6, "durability": 1561, "miningSpeed": 8,
                     "armor": 0, "toughness": 0, "hunger": 0, "saturation": 0},
           "abilities": ["freeze"], "abilityLevel": 1,
           "recipe": {"pattern": ["M", "M", "S"], "key": {"M": "minecraft:packed_ice",
                                                          "S": "minecraft:stick"}}}
INPUT = {"prompt": "make it blue instead",
         "history": [{"prompt": "a glowing sword of frost", "aiDecisions": EARLIER}]}
ANSWER = dict(EARLIER, colours=["#325ade", "#1e2a64"])


class StandIn(http.server.BaseHTTPRequestHandler):
    """Records each request on the server and answers with server.reply: (status, body, delay)."""

    def do_POST(self):
        length = int(self.headers.get("Content-Length", 0))
        self.server.requests.append({"path": self.path, "headers": dict(self.headers),
                                     "body": json.loads(self.rfile.read(length))})
        status, body, delay = self.server.reply
        time.sleep(delay)
        data = body.encode() if isinstance(body, str) else json.dumps(body).encode()
        try:
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):
            pass    # the adapter gave up waiting (the timeout test)

    def log_message(self, *args):
        pass


def completion(content):
    return {"id": "chatcmpl-1", "object": "chat.completion",
            "choices": [{"index": 0, "message": {"role": "assistant", "content": content},
                         "finish_reason": "stop"}]}


class ContribAdapterTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        with open(SCHEMA_PATH) as f:
            cls.schema = json.load(f)
        cls.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), StandIn)
        cls.server.daemon_threads = True
        cls.thread = threading.Thread(target=cls.server.serve_forever, daemon=True)
        cls.thread.start()
        cls.credentials = tempfile.TemporaryDirectory(prefix="modforge-credentials.")
        with open(os.path.join(cls.credentials.name, "analyser_api_key"), "w") as f:
            f.write(KEY + "\n")

    @classmethod
    def tearDownClass(cls):
        cls.server.shutdown()
        cls.server.server_close()
        cls.credentials.cleanup()

    def setUp(self):
        self.server.requests = []
        self.server.reply = (200, completion(json.dumps(ANSWER)), 0)

    def definition(self, name):
        return dict(self.schema, **{"$ref": "#/$defs/" + name})

    def adapter(self, *args, stdin=INPUT, credentials=True):
        # The environment the worker gives it: little more than PATH and the credentials folder.
        env = {"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"}
        if credentials:
            env["CREDENTIALS_DIRECTORY"] = self.credentials.name
        url = "http://127.0.0.1:%d/v1/chat/completions" % self.server.server_address[1]
        return subprocess.run([ADAPTER, "--endpoint", url, "--model", "stand-in"] + list(args),
                              input=json.dumps(stdin), env=env, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True, timeout=30)

    def test_schema_is_valid_and_describes_the_samples(self):
        jsonschema.Draft202012Validator.check_schema(self.schema)
        jsonschema.validate(INPUT, self.definition("input"))
        jsonschema.validate(ANSWER, self.definition("decisions"))
        with self.assertRaises(jsonschema.ValidationError):
            jsonschema.validate(dict(ANSWER, kind="spoon"), self.definition("decisions"))

    def test_prints_the_models_decisions(self):
        run = self.adapter()
        self.assertEqual(run.returncode, 0, run.stderr)
        self.assertEqual(json.loads(run.stdout), ANSWER)
        jsonschema.validate(json.loads(run.stdout), self.definition("decisions"))

    def test_sends_the_key_the_schema_and_the_conversation(self):
        self.assertEqual(self.adapter().returncode, 0)
        (request,) = self.server.requests
        self.assertEqual(request["path"], "/v1/chat/completions")
        self.assertEqual(request["headers"]["Authorization"], "Bearer " + KEY)
        body = request["body"]
        self.assertEqual(body["model"], "stand-in")
        self.assertEqual(body["response_format"], {"type": "json_object"})
        roles = [m["role"] for m in body["messages"]]
        self.assertEqual(roles, ["system", "user", "assistant", "user"])
        self.assertIn('"decisions"', body["messages"][0]["content"])
        self.assertEqual(body["messages"][1]["content"], "a glowing sword of frost")
        self.assertEqual(json.loads(body["messages"][2]["content"]), EARLIER)
        self.assertEqual(body["messages"][3]["content"], "make it blue instead")

    def test_a_fenced_answer_is_unwrapped(self):
        self.server.reply = (200, completion("```json\n%s\n```" % json.dumps(ANSWER)), 0)
        run = self.adapter()
        self.assertEqual(run.returncode, 0, run.stderr)
        self.assertEqual(json.loads(run.stdout), ANSWER)

    def test_endpoint_errors_fail_without_showing_the_key(self):
        cases = [((401, {"error": {"message": "Incorrect API key provided"}}, 0), "HTTP 401"),
                 ((500, "upstream broke", 0), "HTTP 500"),
                 ((200, "not json", 0), "not JSON"),
                 ((200, completion("I cannot do that"), 0), "not JSON"),
                 ((200, completion("[1, 2]"), 0), "not a JSON object"),
                 ((200, {"choices": []}, 0), "choices[0]")]
        for reply, words in cases:
            with self.subTest(words=words):
                self.server.reply = reply
                run = self.adapter()
                self.assertEqual(run.returncode, 1, run.stderr)
                self.assertEqual(run.stdout, "")
                self.assertIn(words, run.stderr)
                self.assertNotIn(KEY, run.stderr)

    def test_a_silent_endpoint_times_out(self):
        self.server.reply = (200, completion(json.dumps(ANSWER)), 3)
        t0 = time.monotonic()
        run = self.adapter("--timeout", "1")
        self.assertEqual(run.returncode, 1, run.stderr)
        self.assertIn("did not answer within 1 s", run.stderr)
        self.assertLess(time.monotonic() - t0, 3)

    def test_setup_errors_exit_2(self):
        run = self.adapter(credentials=False)
        self.assertEqual(run.returncode, 2)
        self.assertIn("CREDENTIALS_DIRECTORY", run.stderr)
        run = self.adapter("--key-file", os.path.join(self.credentials.name, "missing"))
        self.assertEqual(run.returncode, 2)
        run = self.adapter(stdin="not an object")
        self.assertEqual(run.returncode, 2)
        self.assertEqual(self.server.requests, [], "nothing is sent after a setup error")


if __name__ == "__main__":
    unittest.main()
