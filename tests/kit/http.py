"""The one HTTP client of the tests and bench/: a request in, a Reply out, every response checked
by the hooks in its response_checks. Also what raw-socket tests share (recv_all)."""
import http.client
import json
import socket

# Linux's IP_BIND_ADDRESS_NO_PORT (not named by Python's socket module before 3.12).
IP_BIND_ADDRESS_NO_PORT = getattr(socket, "IP_BIND_ADDRESS_NO_PORT", 24)

# The hooks of every Client made without a list of its own: each is called as
# check(method, path, status, headers, body_bytes) for every response, and fails the request
# by raising (an AssertionError fails the test that sent it). Append to add a check everywhere.
RESPONSE_CHECKS = []


class Reply(tuple):
    """(status, headers, json) plus .text, the body as text, and .data, its bytes; json is None
    when the body is not JSON. Status 0: no answer (the connection failed; .text says how), from
    a Client made with errors_as_replies."""

    def __new__(cls, status, headers, body, text, data=b""):
        r = tuple.__new__(cls, (status, headers, body))
        r.text = text
        r.data = data
        return r

    status = property(lambda self: self[0])
    headers = property(lambda self: self[1])
    json = property(lambda self: self[2])

    @property
    def ok(self):
        return 200 <= self.status < 300

    def __repr__(self):
        return "<HTTP %d %s>" % (self.status, self.text[:300])


class SourceConnection(http.client.HTTPConnection):
    """An HTTP connection from a chosen 127.x address whose local port is picked at connect()
    rather than at bind(). Bound with port 0, every connection would take a port of its own
    for good, and the ones a test closed stay in TIME_WAIT for a minute: a suite that makes
    tens of thousands of short connections ran out of them ("Address already in use")."""

    def __init__(self, source, *args, **kw):
        super().__init__(*args, **kw)
        self.source = source

    def connect(self):
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        try:
            sock.setsockopt(socket.IPPROTO_IP, IP_BIND_ADDRESS_NO_PORT, 1)
            sock.settimeout(self.timeout)
            sock.bind((self.source, 0))
            sock.connect((self.host, self.port))
        except OSError:
            sock.close()
            raise
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.sock = sock


class Client:
    """Requests to an HTTP server (on 127.0.0.1 unless host says otherwise), one connection per
    request.

    port: a number, or a function returning it, called for each request (so that one client
    follows whichever stack a test run talks to at the moment). source: the 127.x address
    requests come from by default (None: the kernel's choice). errors_as_replies: a request
    that gets no answer is Reply status 0 instead of an exception (for load generators that
    count failures). response_checks: hooks called for every response, see RESPONSE_CHECKS
    (by default that very list)."""

    def __init__(self, port, user_agent=None, *, source=None, timeout=30,
                 errors_as_replies=False, response_checks=None, host="127.0.0.1"):
        self._port = port if callable(port) else (lambda: port)
        self.host = host
        self.user_agent = user_agent
        self.source = source
        self.timeout = timeout
        self.errors_as_replies = errors_as_replies
        self.response_checks = RESPONSE_CHECKS if response_checks is None else response_checks

    @property
    def port(self):
        return self._port()

    def request(self, method, path, body=None, token=None, headers=None, raw=None,
                timeout=None, source=None):
        """One request. body: JSON-encoded; raw: bytes/str sent as they are (Content-Type
        application/json unless headers say otherwise), or an iterable of byte chunks sent
        with chunked transfer encoding; token: sent as a Bearer token; a header set to None is
        not sent at all; source: this request's 127.x address."""
        h = {"User-Agent": self.user_agent}
        data = None
        if body is not None:
            data = json.dumps(body).encode()
            h["Content-Type"] = "application/json"
        if raw is not None:
            data = raw.encode() if isinstance(raw, str) else raw
            h["Content-Type"] = "application/json"
        chunked = data is not None and not isinstance(data, bytes)
        if token is not None:
            h["Authorization"] = "Bearer " + token
        h.update(headers or {})
        h = {k: v for k, v in h.items() if v is not None}
        try:
            return self._exchange(method, path, data, chunked, h, timeout or self.timeout,
                                  source or self.source)
        except (OSError, http.client.HTTPException) as e:
            if not self.errors_as_replies:
                raise
            text = "%s: %s" % (type(e).__name__, e)
            return Reply(0, http.client.HTTPMessage(), None, text, text.encode())

    def _exchange(self, method, path, data, chunked, headers, timeout, source):
        if source is None:
            conn = http.client.HTTPConnection(self.host, self.port, timeout=timeout)
        else:
            conn = SourceConnection(source, self.host, self.port, timeout=timeout)
        try:
            try:
                conn.request(method, path, body=data, headers=headers, encode_chunked=chunked)
            except (BrokenPipeError, ConnectionResetError):
                pass    # the server may answer (413) and close before reading a big body
            resp = conn.getresponse()
            data = resp.read()
        finally:
            conn.close()
        for check in self.response_checks:
            check(method, path, resp.status, resp.headers, data)
        text = data.decode("utf-8", "replace")
        parsed = None
        if "json" in (resp.getheader("Content-Type") or ""):
            try:
                parsed = json.loads(text)
            except ValueError:
                pass
        return Reply(resp.status, resp.headers, parsed, text, data)


def recv_all(sock):
    """Everything a socket receives until the peer closes it."""
    data = b""
    while True:
        chunk = sock.recv(65536)
        if not chunk:
            return data
        data += chunk
