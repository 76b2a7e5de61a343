"""Shared base of MotCua's partner emulators (National Public Service Portal, public post, SMS
gateway, Zalo Notification Service): partners that cannot be reached from a test machine, emulated
to their published (or, for the portal, documented) protocol. Each emulator defines its routes; this
base serves them over real HTTP on loopback and adds what the tests need to make a partner
misbehave and to see what it received:

  POST /_control   (applies to requests to the emulator's own routes only) {"mode": "ok" | "error500" | "garbage" | "slow" | "reject400" | "hang" |
                            "drop_answer",
                    "delay_ms": N, "count": N}   the next N requests (default: all) behave so
  GET  /_received  every request taken, in order: {"path", "headers", "body", "duplicate"}
  POST /_reset     forget what was received and go back to "ok"

"drop_answer" takes the request as "ok" would, then closes the connection without answering: the
answer lost on the way back, after which the sender must repeat and the partner drop the repeat.
A request carrying an Idempotency-Key header already seen is answered as the first one was and
recorded with "duplicate": true, the way a partner honouring the key drops repeats.
Started as `python3 tools/emulators/<name>.py --port 0`; prints one JSON line
{"status":"listening","url":"http://127.0.0.1:PORT"} once it accepts connections.
Standard library only.
"""

import argparse
import http.server
import json
import sys
import threading
import time


class Partner:
    """An emulated partner: subclasses fill `routes` with (method, path prefix) -> handler.
    A handler takes (path, headers, body bytes) and answers (status, JSON-able value)."""

    name = "partner"

    def __init__(self):
        self.routes = {}
        self.lock = threading.Lock()
        self.received = []
        self.answers_by_key = {}
        self.mode = "ok"
        self.mode_count = None
        self.delay_ms = 0

    # --- misbehaviour ---------------------------------------------------------------------------
    def take_mode(self):
        with self.lock:
            mode, delay = self.mode, self.delay_ms
            if self.mode_count is not None:
                self.mode_count -= 1
                if self.mode_count <= 0:
                    self.mode, self.mode_count, self.delay_ms = "ok", None, 0
            return mode, delay

    def record(self, path, headers, body, duplicate):
        try:
            parsed = json.loads(body) if body else None
        except ValueError:
            parsed = body.decode("utf-8", "replace")
        with self.lock:
            self.received.append({"path": path, "headers": headers, "body": parsed,
                                  "duplicate": duplicate, "at": time.time()})

    def handle(self, method, path, headers, body):
        """Returns (status, bytes, content type) or None to drop the connection."""
        if path == "/_control" and method == "POST":
            req = json.loads(body or b"{}")
            with self.lock:
                self.mode = req.get("mode", "ok")
                self.delay_ms = int(req.get("delay_ms", 0))
                self.mode_count = req.get("count")
            return 200, b'{"ok":true}', "application/json"
        if path == "/_received" and method == "GET":
            with self.lock:
                return 200, json.dumps(self.received).encode(), "application/json"
        if path == "/_reset" and method == "POST":
            with self.lock:
                self.received.clear()
                self.answers_by_key.clear()
                self.mode, self.mode_count, self.delay_ms = "ok", None, 0
            return 200, b'{"ok":true}', "application/json"

        handler = None
        for (m, prefix), h in self.routes.items():
            if m == method and path.startswith(prefix):
                handler = h
                break
        if handler is None:
            # Not part of this partner's API: answered without using up a misbehaviour meant
            # for the API (another job of the sender may probe other paths meanwhile).
            return 404, b'{"error":"no such route"}', "application/json"

        mode, delay = self.take_mode()
        if mode == "slow":
            time.sleep(delay / 1000.0 if delay else 30)
        elif mode == "hang":
            time.sleep(3600)
        if mode == "error500":
            return 500, b'{"error":"internal"}', "application/json"
        if mode == "garbage":
            return 200, b"<html>\x00\xff not json", "text/html"
        if mode == "reject400":
            return 400, b'{"error":"rejected"}', "application/json"

        key = headers.get("idempotency-key")
        with self.lock:
            if key and key in self.answers_by_key:
                status, answer = self.answers_by_key[key]
                dup = True
            else:
                dup = False
        if dup:
            self.record(path, headers, body, True)
            return status, json.dumps(answer).encode(), "application/json"
        status, answer = handler(path, headers, body)
        self.record(path, headers, body, False)
        if key and 200 <= status < 300:
            with self.lock:
                self.answers_by_key[key] = (status, answer)
        if mode == "drop_answer":
            return None
        return status, json.dumps(answer, ensure_ascii=False).encode(), "application/json"


def serve(partner, argv=None):
    parser = argparse.ArgumentParser(description=partner.name + " emulator")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=0)
    args = parser.parse_args(argv)

    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def _any(self, method):
            length = int(self.headers.get("content-length") or 0)
            body = self.rfile.read(length) if length else b""
            headers = {k.lower(): v for k, v in self.headers.items()}
            answer = partner.handle(method, self.path, headers, body)
            if answer is None:
                self.close_connection = True
                return
            status, payload, ctype = answer
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        def do_GET(self):
            self._any("GET")

        def do_POST(self):
            self._any("POST")

        def do_PUT(self):
            self._any("PUT")

        def log_message(self, *a):
            pass

    server = http.server.ThreadingHTTPServer((args.host, args.port), Handler)
    server.daemon_threads = True
    host, port = server.server_address[:2]
    print(json.dumps({"status": "listening", "url": "http://%s:%d" % (host, port)}), flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    sys.exit("partner.py is a base; run one of the emulators beside it")
