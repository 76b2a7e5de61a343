#!/usr/bin/python3
"""A deliberately vulnerable HTTP server on loopback, the canary of scripts/test-security.

Before the scanners' silence about MotCua is believed, each must find what is planted here:
GET /search?q=... pastes q into SQL text (SQLite, in memory) and answers the database's error
message with a 500, and no answer carries a security header. If sqlmap, wapiti or
headers_check.py reported nothing here, the scan of MotCua would prove nothing (a broken tool,
a wrong option, a verdict that cannot fail), so the script fails instead.

Prints {"status":"listening","port":N} on stdout once ready. Loopback only; never deployed.
"""

import json
import sqlite3
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

db = sqlite3.connect(":memory:", check_same_thread=False)
db.executescript(
    "CREATE TABLE procedures (code TEXT, name TEXT);"
    "INSERT INTO procedures VALUES ('1.001193', 'Dang ky khai sinh'),"
    " ('1.004884', 'Dang ky lai khai sinh'), ('1.000894', 'Dang ky ket hon');")


class Handler(BaseHTTPRequestHandler):
    def answer(self, status: int, body: str, kind: str = "application/json") -> None:
        data = body.encode()
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self) -> None:
        url = urlsplit(self.path)
        if url.path == "/":
            self.answer(200, '<html><body><a href="/search?q=khai">search</a></body></html>',
                        "text/html")
            return
        if url.path != "/search":
            self.answer(404, "{}")
            return
        q = parse_qs(url.query).get("q", [""])[0]
        try:
            # The planted flaw: input pasted into SQL text.
            rows = db.execute(
                "SELECT code, name FROM procedures WHERE name LIKE '%" + q + "%'").fetchall()
        except sqlite3.Error as e:
            self.answer(500, f"SQLite error: {e}", "text/plain")
            return
        self.answer(200, json.dumps([{"code": c, "name": n} for c, n in rows]))

    def log_message(self, *args) -> None:
        pass


if __name__ == "__main__":
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    print(json.dumps({"status": "listening", "port": server.server_address[1]}), flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        sys.exit(0)
