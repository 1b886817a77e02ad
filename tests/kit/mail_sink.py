"""An SMTP server for development and tests that stores every message it accepts as one file in
a Maildir (DIR/new/, with "\\n" line ends, a Return-Path and a Delivered-To line first), on a
loopback port. Debian's python3-aiosmtpd; run it with /usr/bin/python3:

    /usr/bin/python3 tests/kit/mail_sink.py --port 2525 --maildir build/run/dev/mail

How it answers can be changed while it runs, for tests of a relay that refuses or fails: the
JSON file --control names holds a list of what to do with the next messages, one entry each
(taken at the end of DATA, and removed from the list):
  "451", "554", ... (any reply code)  refuse the message with that code; nothing is stored
  "drop"                              close the connection without an answer; nothing is stored
  "store-then-drop"                   store it, then close without an answer (the client
                                      cannot know that it arrived)
  "store-then-kill:PID"               store it, SIGKILL process PID, then answer 250
An empty or missing list: store and answer 250. Each decision is logged to standard output.
Standard library and aiosmtpd only; stopped by SIGTERM or SIGINT.
"""
import argparse
import json
import os
import signal
import socket
import sys
import time

from aiosmtpd.controller import Controller


class Maildir:
    """Delivery into DIR/tmp, then a rename into DIR/new, as the Maildir format wants."""

    def __init__(self, root):
        self.root = root
        for sub in ("tmp", "new", "cur"):
            os.makedirs(os.path.join(root, sub), exist_ok=True)
        self.count = 0

    def store(self, data):
        self.count += 1
        name = "%.6f.P%dQ%d.%s" % (time.time(), os.getpid(), self.count, socket.gethostname())
        tmp = os.path.join(self.root, "tmp", name)
        with open(tmp, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.rename(tmp, os.path.join(self.root, "new", name))
        return name


class Sink:
    def __init__(self, maildir, control):
        self.maildir = maildir
        self.control = control

    def next_action(self):
        """The first entry of the control list, removed from it; "store" when there is none."""
        if not self.control:
            return "store"
        try:
            with open(self.control) as f:
                actions = json.load(f)
        except (OSError, ValueError):
            return "store"
        if not actions:
            return "store"
        tmp = self.control + ".tmp"
        with open(tmp, "w") as f:
            json.dump(actions[1:], f)
        os.replace(tmp, self.control)
        return str(actions[0])

    def store(self, envelope):
        head = "Return-Path: <%s>\nDelivered-To: %s\n" % (envelope.mail_from,
                                                          ", ".join(envelope.rcpt_tos))
        body = envelope.original_content.replace(b"\r\n", b"\n")
        return self.maildir.store(head.encode() + body)

    async def handle_DATA(self, server, session, envelope):
        action = self.next_action()
        who = "from <%s> to %s" % (envelope.mail_from, ", ".join(envelope.rcpt_tos))
        if action[:3].isdigit():
            log("refused %s with %s" % (who, action))
            return "%s 4.3.0 Refused by the test sink" % action if action[0] == "4" \
                else "%s 5.7.1 Refused by the test sink" % action
        if action == "drop":
            log("dropped the connection, %s, without storing" % who)
            server.transport.close()
            return "421 4.3.0 Closing"
        name = self.store(envelope)
        log("stored %s as new/%s" % (who, name))
        if action == "store-then-drop":
            log("dropped the connection after storing it")
            server.transport.close()
            return "421 4.3.0 Closing"
        if action.startswith("store-then-kill:"):
            pid = int(action.split(":", 1)[1])
            try:
                os.kill(pid, signal.SIGKILL)
                log("killed process %d after storing it" % pid)
            except OSError as e:
                log("could not kill process %d: %s" % (pid, e))
        return "250 2.0.0 Stored"


def log(message):
    print("mail_sink: %s" % message, flush=True)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--port", type=int, required=True)
    ap.add_argument("--host", default="127.0.0.1")
    ap.add_argument("--maildir", required=True)
    ap.add_argument("--control", help="the JSON file of actions for the next messages")
    args = ap.parse_args(argv)

    sink = Sink(Maildir(args.maildir), args.control)
    controller = Controller(sink, hostname=args.host, port=args.port,
                            server_hostname="mail-sink.test", ready_timeout=10)
    controller.start()
    log("listening on %s:%d, storing into %s" % (args.host, args.port, args.maildir))
    received = []
    for s in (signal.SIGTERM, signal.SIGINT):
        signal.signal(s, lambda signum, frame: received.append(signum))
    try:
        while not received:
            signal.pause()
    finally:
        controller.stop()
        log("stopped")
    return 0


if __name__ == "__main__":
    sys.exit(main())
