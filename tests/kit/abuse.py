"""The abuse that modforge must shrug off, as the fault suite and bench/ play it: clients that
guess passwords and clients that flood the job queue, each from a 127.x address of its own (so
that every per-address limit sees them apart), hammering as fast as they get answers. Every
answer is counted by status and code; nothing here asserts."""
import collections
import itertools
import threading
import uuid

from tests.kit.http import Client

# 127.200.0.0/16 and up: far from the addresses the suites give their own clients.
_addresses = itertools.count(1)


def abuser_address():
    n = next(_addresses)
    return "127.%d.%d.%d" % (200 + n // 62500 % 50, n // 250 % 250, n % 250 + 1)


class Abuse:
    """`guessers` clients guess passwords: each in turn logs in as one of `victims` (real
    usernames) or as a made-up name with a wrong password, and gives a wrong current password to
    logout-all with its own account's token. `flooders` clients each queue generate-mod jobs
    without pause, whatever the answer. start(), then stop(); counts() says what they got."""

    def __init__(self, port, victims, guessers=25, flooders=25, user_agent="modforge-abuse/1.0",
                 timeout=30):
        self.client = Client(port, user_agent, timeout=timeout, errors_as_replies=True)
        self.victims = list(victims)
        self.guessers = [abuser_address() for _ in range(guessers)]
        self.flooders = [abuser_address() for _ in range(flooders)]
        self._counts = collections.Counter()
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._threads = []
        self.tokens = {}

    def _count(self, who, reply):
        code = reply.json.get("code") if isinstance(reply.json, dict) else None
        with self._lock:
            self._counts[(who, reply.status, code)] += 1

    def _account(self, source):
        """Registers and logs in an account from `source`; its token, or None."""
        name = "abuser" + uuid.uuid4().hex[:10]
        password = "abuser-" + uuid.uuid4().hex[:12]
        r = self.client.request("POST", "/api/auth/register",
                                {"username": name, "email": name + "@example.com",
                                 "password": password}, source=source)
        if r.status != 201:
            return None
        r = self.client.request("POST", "/api/auth/login",
                                {"username": name, "password": password}, source=source)
        return r.json["session"]["token"] if r.status == 200 else None

    def prepare(self):
        """Makes the accounts the abusers use (before start(), which does it if needed)."""
        for source in self.guessers + self.flooders:
            if source not in self.tokens:
                self.tokens[source] = self._account(source)
        return self

    def _guess(self, source):
        token = self.tokens.get(source)
        for i in itertools.count():
            if self._stop.is_set():
                return
            if i % 4 == 3 and token:
                r = self.client.request("POST", "/api/auth/logout-all",
                                        {"password": "not my password %d" % i}, token=token,
                                        source=source)
            else:
                # Every other guess at a real name, each victim in turn.
                name = (self.victims[i // 2 % len(self.victims)] if self.victims and i % 2 == 0
                        else "nobody" + uuid.uuid4().hex[:8])
                r = self.client.request("POST", "/api/auth/login",
                                        {"username": name, "password": "guess %d" % i},
                                        source=source)
            self._count("guess", r)

    def _flood(self, source):
        token = self.tokens.get(source)
        if not token:
            return
        for i in itertools.count():
            if self._stop.is_set():
                return
            r = self.client.request("POST", "/api/generate-mod",
                                    {"prompt": "flood item number %d" % i}, token=token,
                                    source=source)
            self._count("flood", r)

    def start(self):
        self.prepare()
        self._stop.clear()
        for target, sources in ((self._guess, self.guessers), (self._flood, self.flooders)):
            for source in sources:
                t = threading.Thread(target=target, args=(source,), daemon=True)
                t.start()
                self._threads.append(t)
        return self

    def stop(self):
        self._stop.set()
        for t in self._threads:
            t.join(60)
        self._threads = []

    def counts(self):
        """{(kind, status, code): n}, kind "guess" or "flood"."""
        with self._lock:
            return dict(self._counts)

    def summary(self):
        """'guesses: 401×a, 429 too_many_attempts×b …; floods: …' for printing."""
        parts = []
        for kind, plural in (("guess", "guesses"), ("flood", "floods")):
            items = sorted((k[1], k[2] or "", n) for k, n in self.counts().items()
                           if k[0] == kind)
            parts.append("%s: %d (%s)" % (plural, sum(n for _, _, n in items), ", ".join(
                "%d%s×%d" % (s, " " + c if c else "", n) for s, c, n in items)))
        return "; ".join(parts)

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()
