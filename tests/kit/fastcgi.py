"""A minimal FastCGI client, to reach the handlers without nginx in front: a request's bytes
(which a test may send in parts), and the status and body of the answer."""
import re
import socket
import struct

from tests.kit.http import recv_all

FCGI_BEGIN_REQUEST, FCGI_END_REQUEST, FCGI_PARAMS, FCGI_STDIN, FCGI_STDOUT = 1, 3, 4, 5, 6
FCGI_RESPONDER = 1


def _records(kind, content):
    chunks = [content[i:i + 65535] for i in range(0, len(content), 65535)] + [b""]
    return b"".join(struct.pack(">BBHHBx", 1, kind, 1, len(c), 0) + c for c in chunks)


def _length(n):
    return struct.pack(">B", n) if n < 128 else struct.pack(">I", n | 0x80000000)


def request_bytes(params, body=b""):
    """Request id 1 as a web server sends it: begin, parameters, standard input."""
    pairs = b"".join(_length(len(k)) + _length(len(v)) + k.encode() + v.encode()
                     for k, v in params.items())
    return (struct.pack(">BBHHBx", 1, FCGI_BEGIN_REQUEST, 1, 8, 0) +
            struct.pack(">HB5x", FCGI_RESPONDER, 0) +
            _records(FCGI_PARAMS, pairs) + _records(FCGI_STDIN, body))


def answer(data):
    """(status, body text) of the records a handler sent; status 0 when it sent no answer."""
    out, i = b"", 0
    while i + 8 <= len(data):
        _, kind, _, length, padding = struct.unpack(">BBHHB", data[i:i + 7])
        if kind == FCGI_STDOUT:
            out += data[i + 8:i + 8 + length]
        if kind == FCGI_END_REQUEST:
            break
        i += 8 + length + padding
    head, _, text = out.decode("utf-8", "replace").partition("\r\n\r\n")
    status = re.match(r"Status: (\d+)", head)
    return (int(status.group(1)) if status else 0), text


def connect(socket_path, timeout=10):
    s = socket.socket(socket.AF_UNIX)
    s.settimeout(timeout)
    s.connect(socket_path)
    return s


def fastcgi(socket_path, params, body=b""):
    """One request straight to the handlers' socket; (status, body text)."""
    with connect(socket_path) as s:
        s.sendall(request_bytes(params, body))
        return answer(recv_all(s))
