"""Scenario 7: slow and broken clients through nginx. Slowloris-style clients trickle their
headers or bodies, others hang up mid-upload or mid-download. nginx holds all of them itself
(it reads a whole request before it passes it on, and sends files itself): no handler is ever
tied up by them, and other clients keep being served."""
import json
import socket
import threading
import time
import unittest

from tests.faults import faultlib as F
from tests.kit.api import generate, new_user, wait_for_job
from tests.kit.http import recv_all
from tests.kit.waits import wait_until

SLOW_HEADERS = 30         # from 127.0.0.3 and .7 (they end at once: limit_conn is 20 per address)
SLOW_BODIES = 15          # from 127.0.0.4 (under limit_conn's 20 per address)
HOLD = 5.0                # seconds other clients are served while the slow ones trickle
TICK = 0.25               # one byte per slow client per tick
ANSWER_WITHIN = 3.0       # a normal request meanwhile is answered within this (generous)


def connect(source):
    s = socket.create_connection(("127.0.0.1", F.stack().port), timeout=30,
                                 source_address=(source, 0))
    return s


def read_response(s):
    head, _, body = recv_all(s).partition(b"\r\n\r\n")
    return int(head.split()[1]), body


class SlowClientTest(unittest.TestCase):

    def normal_client(self, user, until, records):
        while time.monotonic() < until:
            for path in ("/api/auth/verify", "/api/sessions"):
                t0 = time.monotonic()
                r = F.request("GET", path, token=user.token)
                records.append((time.monotonic() - t0, r.status, r.text))

    def test_slow_headers_and_bodies_tie_up_no_handler(self):
        u = new_user("slow")
        requests = []
        for i in range(SLOW_HEADERS):
            requests.append(("127.0.0.%d" % (3 if i % 2 else 7), b"", (
                "GET /api/auth/verify HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                "X-Padding: %s\r\n\r\n" % ("x" * 40)).encode()))
        body = json.dumps({"prompt": "a slowly described lantern"}).encode()
        for _ in range(SLOW_BODIES):
            head = ("POST /api/generate-mod HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                    "Authorization: Bearer %s\r\nContent-Type: application/json\r\n"
                    "Content-Length: %d\r\n\r\n" % (u.token, len(body))).encode()
            requests.append(("127.0.0.4", head, body))
        socks = []
        for source, head, trickle in requests:
            s = connect(source)
            s.sendall(head)
            socks.append([s, trickle, 0])

        stop = threading.Event()

        def trickle_all():
            while not stop.is_set():
                for entry in socks:
                    s, data, sent = entry
                    if sent < len(data) - 1:      # the last byte waits for the end
                        s.send(data[sent:sent + 1])
                        entry[2] += 1
                time.sleep(TICK)
        driver = threading.Thread(target=trickle_all)
        driver.start()
        records = []
        try:
            self.normal_client(u, time.monotonic() + HOLD, records)
            # The normal client is done; the slow ones are still sending. No handler has any
            # request in hand, in any of these looks.
            looks = []
            time.sleep(0.2)       # the last normal request's handler waiting again
            for _ in range(10):
                looks.append(sum(not F.is_idle(p) for p in F.handler_pids()))
                time.sleep(0.1)
        finally:
            stop.set()
            driver.join()
        progress = min(e[2] for e in socks)
        # Now each slow client sends the rest and gets its answer.
        answers = {}
        for s, data, sent in socks:
            s.sendall(data[sent:])
        for s, _, _ in socks:
            status, _ = read_response(s)
            answers[status] = answers.get(status, 0) + 1
            s.close()
        slowest = max(t for t, _, _ in records)
        F.figures("%d slow-header and %d slow-body clients (1 byte per %.2fs, ≥%d bytes each "
                  "sent) for %.0fs: other client %d requests, statuses %s, slowest %.3fs; busy "
                  "handlers in 10 looks while they trickled: %s; their own answers at the end: %s"
                  % (SLOW_HEADERS, SLOW_BODIES, TICK, progress, HOLD, len(records),
                     sorted({st for _, st, _ in records}), slowest, looks, answers))
        self.assertTrue(all(st == 200 for _, st, _ in records), records[:5])
        self.assertLess(slowest, ANSWER_WITHIN)
        self.assertEqual(looks, [0] * 10, "handlers busy while only slow clients were connected")
        self.assertEqual(answers, {401: SLOW_HEADERS, 202: SLOW_BODIES})

    def test_clients_hanging_up_mid_upload_and_mid_download(self):
        u = new_user("slow")
        j = wait_for_job(u, generate(u).json["job_id"])
        self.assertEqual(j["status"], "completed", j)
        url = j["result"]["download_url"]
        handlers = F.handler_pids()
        ok = 0
        for i in range(20):
            # Mid-upload: 1000 of the 60000 bytes announced, then gone.
            s = connect("127.0.0.5")
            s.sendall(("POST /api/generate-mod HTTP/1.1\r\nHost: localhost\r\n"
                       "Authorization: Bearer %s\r\nContent-Type: application/json\r\n"
                       "Content-Length: 60000\r\n\r\n" % u.token).encode() + b"{" * 1000)
            s.close()
            # Mid-download: a small receive buffer, a few bytes read, then gone.
            s = socket.socket()
            s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 1024)
            s.bind(("127.0.0.6", 0))
            s.connect(("127.0.0.1", F.stack().port))
            s.sendall(("GET %s HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer %s\r\n\r\n"
                       % (url, u.token)).encode())
            self.assertTrue(s.recv(100))
            s.close()
            ok += F.request("GET", "/api/auth/verify", token=u.token).status == 200
        self.assertEqual(ok, 20)
        r = u.api("GET", url)
        self.assertEqual((r.status, len(r.data)), (200, j["result"]["size"]))
        self.assertTrue(wait_until(
            lambda: all(F.is_idle(p) for p in F.handler_pids()), 2), "a handler stayed busy")
        self.assertEqual(F.handler_pids(), handlers, "a handler died")
        # The cut uploads never reached a handler: no job was made from them.
        self.assertEqual(F.stack().psql(
            "SELECT count(*) FROM jobs WHERE user_id = %d" % u.id), "1")
        F.figures("20 uploads cut after 1000 of 60000 bytes and 20 downloads cut after 100 "
                  "bytes: %d of 20 requests in between served, no handler busy or restarted, "
                  "the zip still downloads whole" % ok)


if __name__ == "__main__":
    unittest.main()
