#!/usr/bin/python3
"""modforge's external analyser for an OpenAI-compatible chat-completions endpoint.

modforge-worker runs it as its analyser_command: the analysis input, {"prompt", "history"}, comes
on standard input; the item's aiDecisions go to standard output. Both are described by
docs/analyser.schema.json, which this script also sends to the model as the answer's format. The
worker checks and clamps whatever is printed, so this script only makes sure it is a JSON object.
Python's standard library only.

Usage: openai_analyser.py [--endpoint URL] [--model NAME] [--key-file PATH] [--schema PATH]
                          [--timeout SECONDS]
The API key is read from --key-file, by default $CREDENTIALS_DIRECTORY/analyser_api_key, where
systemd's LoadCredential= puts it (docs/mods.md shows the unit drop-in); it never appears on a
command line, in the environment or in a message.
Exit status: 0 decisions printed; 1 the endpoint failed or its answer is unusable; 2 a usage or
setup error (no key, no schema, bad input). Messages go to standard error, one line each.
"""
import argparse
import json
import os
import socket
import sys
import urllib.error
import urllib.request

DEFAULT_ENDPOINT = "https://api.openai.com/v1/chat/completions"
DEFAULT_MODEL = "gpt-4o-mini"
KEY_NAME = "analyser_api_key"
HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_SCHEMA = os.path.join(HERE, "..", "docs", "analyser.schema.json")
MAX_QUOTED = 200

INSTRUCTIONS = """You design one Minecraft item for a Fabric mod from a player's request.
Answer with one JSON object and nothing else: the item's decisions, as this JSON Schema's
"decisions" definition describes them. The earlier turns are this conversation: when the request
refers to the previous item ("make it blue instead", "now a matching pickaxe", "same but
stronger"), start from the most recent decisions and change only what is asked.
JSON Schema:
"""


class Failure(Exception):
    """A one-line reason and the exit status it ends with."""

    def __init__(self, message, status=1):
        super().__init__(message)
        self.status = status


def arguments(argv):
    p = argparse.ArgumentParser(description="modforge analyser for a chat-completions endpoint")
    p.add_argument("--endpoint", default=DEFAULT_ENDPOINT)
    p.add_argument("--model", default=DEFAULT_MODEL)
    p.add_argument("--key-file", help="default: $CREDENTIALS_DIRECTORY/" + KEY_NAME)
    p.add_argument("--schema", default=DEFAULT_SCHEMA)
    p.add_argument("--timeout", type=float, default=25.0,
                   help="seconds the endpoint may stay silent; keep it below analyser_timeout")
    return p.parse_args(argv)


def read_key(path):
    if path is None:
        credentials = os.environ.get("CREDENTIALS_DIRECTORY")
        if not credentials:
            raise Failure("no --key-file and no $CREDENTIALS_DIRECTORY (systemd LoadCredential=)", 2)
        path = os.path.join(credentials, KEY_NAME)
    try:
        with open(path, encoding="utf-8") as f:
            key = f.read().strip()
    except OSError as e:
        raise Failure("cannot read the API key file %s: %s" % (path, e.strerror), 2)
    if not key:
        raise Failure("the API key file %s is empty" % path, 2)
    return key


def read_input():
    try:
        request = json.load(sys.stdin)
    except ValueError as e:
        raise Failure("the input is not JSON: %s" % e, 2)
    if not isinstance(request, dict) or not isinstance(request.get("prompt"), str) \
            or not isinstance(request.get("history", []), list):
        raise Failure("the input must be {\"prompt\": string, \"history\": [...]}", 2)
    return request


def messages(request, schema_text):
    """The system instructions, each earlier job as a user turn and the assistant's decisions,
    then the new prompt."""
    turns = [{"role": "system", "content": INSTRUCTIONS + schema_text}]
    for earlier in request.get("history", []):
        turns.append({"role": "user", "content": earlier.get("prompt", "")})
        turns.append({"role": "assistant",
                      "content": json.dumps(earlier.get("aiDecisions", {}), ensure_ascii=False)})
    turns.append({"role": "user", "content": request["prompt"]})
    return turns


def quoted(text):
    line = " ".join(text.split())
    return line[:MAX_QUOTED] + ("…" if len(line) > MAX_QUOTED else "")


def call(endpoint, key, body, timeout):
    """The endpoint's JSON answer."""
    request = urllib.request.Request(endpoint, data=json.dumps(body).encode("utf-8"), method="POST",
                                     headers={"Content-Type": "application/json",
                                              "Authorization": "Bearer " + key})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as answer:
            text = answer.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as e:
        detail = e.read().decode("utf-8", "replace")
        try:
            detail = json.loads(detail)["error"]["message"]
        except (ValueError, KeyError, TypeError):
            pass
        raise Failure("the endpoint answered HTTP %d: %s" % (e.code, quoted(str(detail))))
    except (socket.timeout, TimeoutError):
        raise Failure("the endpoint did not answer within %g s" % timeout)
    except urllib.error.URLError as e:
        if isinstance(e.reason, (socket.timeout, TimeoutError)):
            raise Failure("the endpoint did not answer within %g s" % timeout)
        raise Failure("cannot reach the endpoint: %s" % quoted(str(e.reason)))
    try:
        return json.loads(text)
    except ValueError:
        raise Failure("the endpoint's answer is not JSON: %s" % quoted(text))


def decisions_from(answer):
    """The JSON object in the first choice's message (a model may wrap it in a ``` fence)."""
    try:
        content = answer["choices"][0]["message"]["content"]
    except (KeyError, IndexError, TypeError):
        raise Failure("the endpoint's answer has no choices[0].message.content")
    text = str(content).strip()
    if text.startswith("```"):
        text = text.split("\n", 1)[-1].rsplit("```", 1)[0]
    try:
        decisions = json.loads(text)
    except ValueError:
        raise Failure("the model's message is not JSON: %s" % quoted(text))
    if not isinstance(decisions, dict):
        raise Failure("the model's message is not a JSON object: %s" % quoted(text))
    return decisions


def main(argv):
    args = arguments(argv)
    try:
        key = read_key(args.key_file)
        try:
            with open(args.schema, encoding="utf-8") as f:
                schema_text = f.read()
        except OSError as e:
            raise Failure("cannot read the schema %s: %s" % (args.schema, e.strerror), 2)
        request = read_input()
        body = {"model": args.model, "messages": messages(request, schema_text),
                "temperature": 0.2, "response_format": {"type": "json_object"}}
        decisions = decisions_from(call(args.endpoint, key, body, args.timeout))
    except Failure as e:
        print("openai_analyser: %s" % e, file=sys.stderr)
        return e.status
    json.dump(decisions, sys.stdout, ensure_ascii=False)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
