#!/usr/bin/python3
"""ZAP-style passive checks of a running MotCua server's answers (scripts/test-security).

For a set of pages, static files, API routes and deliberately bad requests, every answer must have:
- Content-Security-Policy whose script sources (script-src, else default-src) have neither
  'unsafe-inline' nor 'unsafe-eval', and that sets frame-ancestors;
- X-Content-Type-Options: nosniff, a Referrer-Policy, X-Frame-Options (DENY or SAMEORIGIN),
  Permissions-Policy;
- no Server or X-Powered-By header naming a product version;
and more:
- every cookie set is Secure, HttpOnly and SameSite=Strict;
- no 5xx at all, and no stack trace, exception text, source path or SQL in a 4xx body;
- Cache-Control: no-store on every API answer that holds personal data (session, queue,
  dossier, tracking, feedback).
Prints one line per finding and exits 1 if there is any. Standard library only.
"""

import argparse
import http.client
import json
import re
import socket
import sys
from urllib.parse import quote, urlsplit

findings: list[str] = []
without_permissions_policy: list[str] = []
checked = 0


def finding(where: str, what: str) -> None:
    findings.append(f"{where}: {what}")


def header_rules(where: str, headers: dict[str, str]) -> None:
    csp = headers.get("content-security-policy")
    if not csp:
        finding(where, "no Content-Security-Policy")
    else:
        directives = {}
        for part in csp.split(";"):
            words = part.split()
            if words:
                directives[words[0].lower()] = [w.lower() for w in words[1:]]
        scripts = directives.get("script-src", directives.get("default-src"))
        if scripts is None:
            finding(where, "CSP restricts no script source (no script-src nor default-src)")
        elif "'unsafe-inline'" in scripts or "'unsafe-eval'" in scripts or "*" in scripts:
            finding(where, f"CSP allows inline or any scripts: {' '.join(scripts)}")
        if "frame-ancestors" not in directives:
            finding(where, "CSP without frame-ancestors")
    if headers.get("x-content-type-options", "").lower() != "nosniff":
        finding(where, "X-Content-Type-Options is not nosniff")
    if not headers.get("referrer-policy"):
        finding(where, "no Referrer-Policy")
    if headers.get("x-frame-options", "").upper() not in ("DENY", "SAMEORIGIN"):
        finding(where, "no X-Frame-Options DENY/SAMEORIGIN")
    if not headers.get("permissions-policy"):
        # One finding for all answers (below): it is one header missing, not fifty problems.
        without_permissions_policy.append(where)
    for name in ("server", "x-powered-by"):
        value = headers.get(name)
        if value and re.search(r"\d", value):
            finding(where, f"{name} header leaks a version: {value}")


def cookie_rules(where: str, set_cookies: list[str]) -> None:
    for c in set_cookies:
        attributes = [a.strip().lower() for a in c.split(";")[1:]]
        name = c.split("=", 1)[0]
        if "secure" not in attributes:
            finding(where, f"cookie {name} without Secure")
        if "httponly" not in attributes:
            finding(where, f"cookie {name} without HttpOnly")
        if "samesite=strict" not in attributes:
            finding(where, f"cookie {name} without SameSite=Strict")


# Words that only an internal error would put in an answer's body.
LEAKS = re.compile(
    r"Traceback|std::|boost::|what\(\)|terminate called|Segmentation|\.cpp\b|\.hpp\b|"
    r"\bsqlite3?_|SQLITE_|near \"[^\"]*\": syntax error|\bSELECT\b.*\bFROM\b|\bINSERT INTO\b|"
    r"\bpq_|PGRES_|libpq|/src/|/home/|/work/",
    re.IGNORECASE,
)


def body_rules(where: str, status: int, body: bytes) -> None:
    if status >= 500:
        finding(where, f"answered {status}")
    if status >= 400:
        text = body.decode("utf-8", "replace")
        m = LEAKS.search(text)
        if m:
            around = text[max(0, m.start() - 40):m.end() + 40]
            finding(where, f"{status} body shows internals: ...{around}...")


class Server:
    def __init__(self, origin: str):
        parts = urlsplit(origin)
        self.host, self.port = parts.hostname, parts.port

    def request(self, method: str, target: str, body: bytes | None = None,
                headers: dict[str, str] | None = None):
        conn = http.client.HTTPConnection(self.host, self.port, timeout=30)
        try:
            conn.request(method, target, body=body, headers=headers or {})
            r = conn.getresponse()
            data = r.read()
            hs = {k.lower(): v for k, v in r.getheaders()}
            cookies = [v for k, v in r.getheaders() if k.lower() == "set-cookie"]
            return r.status, hs, cookies, data
        finally:
            conn.close()

    def raw(self, data: bytes):
        """Sends bytes as they are (a request http.client would refuse to write)."""
        with socket.create_connection((self.host, self.port), timeout=30) as s:
            s.sendall(data)
            answer = b""
            while True:
                try:
                    chunk = s.recv(65536)
                except (ConnectionResetError, socket.timeout):
                    break
                if not chunk:
                    break
                answer += chunk
        head, _, body = answer.partition(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        if not lines or not lines[0].startswith("HTTP/"):
            return None, {}, [], answer
        status = int(lines[0].split()[1])
        hs, cookies = {}, []
        for line in lines[1:]:
            k, _, v = line.partition(":")
            hs[k.strip().lower()] = v.strip()
            if k.strip().lower() == "set-cookie":
                cookies.append(v.strip())
        return status, hs, cookies, body


def check(server: Server, method: str, target: str, *, body: bytes | None = None,
          headers: dict[str, str] | None = None, personal: bool = False,
          expect: range | None = None) -> tuple[int, bytes]:
    global checked
    where = f"{method} {target}"
    status, hs, cookies, data = server.request(method, target, body, headers)
    checked += 1
    header_rules(where, hs)
    cookie_rules(where, cookies)
    body_rules(where, status, data)
    if personal and status < 300 and "no-store" not in hs.get("cache-control", "").lower():
        finding(where, "personal data without Cache-Control: no-store")
    if expect is not None and status not in expect:
        finding(where, f"answered {status}, expected {expect.start}..{expect.stop - 1}")
    return status, data


def check_raw(server: Server, name: str, data: bytes) -> None:
    global checked
    where = f"raw {name}"
    status, hs, cookies, body = server.raw(data)
    checked += 1
    if status is None:
        return  # the server closed the connection without an answer: nothing to leak
    header_rules(where, hs)
    cookie_rules(where, cookies)
    body_rules(where, status, body)


def main() -> int:
    global checked
    p = argparse.ArgumentParser()
    p.add_argument("--origin", required=True, help="http://127.0.0.1:PORT")
    p.add_argument("--cookie", required=True, help="an officer's session cookie name=value")
    p.add_argument("--dossier-code", required=True)
    p.add_argument("--tracking-secret", required=True)
    p.add_argument("--feedback-code", required=True)
    a = p.parse_args()
    s = Server(a.origin)
    officer = {"Cookie": a.cookie}
    ok = range(200, 300)

    # The web application's pages (served as the same index.html) and its static files.
    status, index = check(s, "GET", "/", expect=ok)
    for page in ("/track?code=" + quote(a.dossier_code) + "&secret=" + quote(a.tracking_secret), "/procedures", "/feedback", "/login",
                 "/officer", "/admin", "/no-such-page"):
        check(s, "GET", page)
    for asset in sorted(set(re.findall(rb'(?:src|href)="(/assets/[^"]+)"', index)))[:4]:
        check(s, "GET", asset.decode(), expect=ok)
    check(s, "GET", "/favicon.svg")
    check(s, "GET", "/api/v1/openapi.json", expect=ok)

    # Public API routes.
    check(s, "GET", "/api/v1/procedures?q=khai%20sinh&limit=5", expect=ok)
    check(s, "GET", "/api/v1/agencies", expect=ok)
    check(s, "GET", "/api/v1/catalog/facets", expect=ok)
    check(s, "GET", "/api/v1/track/" + quote(a.dossier_code) + "?secret=" + quote(a.tracking_secret),
          personal=True, expect=ok)
    check(s, "GET", "/api/v1/track/000.00.00.H42-990101-9999", expect=range(404, 405))
    check(s, "GET", "/api/v1/feedback/" + quote(a.feedback_code), personal=True, expect=ok)
    check(s, "GET", "/open311/v2/services.json", expect=ok)
    check(s, "GET", "/open311/v2/requests.xml", expect=ok)
    check(s, "GET", "/metrics")

    # A login: its cookie's attributes and the session answer (it holds the CSRF token).
    login = json.dumps({"username": "congdan.an", "password": "motcua-demo-2026"}).encode()
    status, hs, cookies, _ = s.request("POST", "/api/v1/session", login,
                                       {"Content-Type": "application/json"})
    checked += 1
    if status != 200 or not cookies:
        finding("POST /api/v1/session", f"login answered {status} without a cookie")
    cookie_rules("POST /api/v1/session", cookies)
    header_rules("POST /api/v1/session", hs)
    if "no-store" not in hs.get("cache-control", "").lower():
        finding("POST /api/v1/session", "session answer without Cache-Control: no-store")
    applicant = {"Cookie": cookies[0].split(";")[0]} if cookies else {}
    check(s, "GET", "/api/v1/my/dossiers", headers=applicant, personal=True, expect=ok)
    check(s, "GET", "/api/v1/my/papers", headers=applicant, personal=True)

    # An officer's routes with personal data.
    check(s, "GET", "/api/v1/session", headers=officer, personal=True, expect=ok)
    status, queue = check(s, "GET", "/api/v1/queue", headers=officer, personal=True, expect=ok)
    dossiers = json.loads(queue) if status == 200 else []
    if dossiers:
        check(s, "GET", "/api/v1/dossiers/" + dossiers[0]["id"], headers=officer, personal=True,
              expect=ok)
    check(s, "GET", "/api/v1/feedback", headers=officer, personal=True)
    check(s, "GET", "/api/v1/warnings", headers=officer, personal=True)

    # Refusals and bad input: their answers too carry the headers, and no internals.
    check(s, "GET", "/api/v1/no-such-route", expect=range(404, 405))
    check(s, "DELETE", "/api/v1/procedures", expect=range(400, 500))
    check(s, "GET", "/api/v1/queue", expect=range(401, 402))
    check(s, "GET", "/api/v1/dossiers/d_0000000000000000", headers=officer, expect=range(404, 405))
    check(s, "POST", "/api/v1/dossiers", body=b"{}", expect=range(400, 500),
          headers={**officer, "Content-Type": "application/json"})  # no CSRF token
    check(s, "POST", "/api/v1/feedback", body=b'{"name": ', expect=range(400, 500),
          headers={"Content-Type": "application/json"})
    check(s, "POST", "/api/v1/feedback", body=b"[" * 5000 + b"]" * 5000, expect=range(400, 500),
          headers={"Content-Type": "application/json"})
    check(s, "POST", "/api/v1/session", body=b'{"username":"\xff\xfe","password":"x"}',
          expect=range(400, 500), headers={"Content-Type": "application/json"})
    check(s, "POST", "/api/v1/feedback", body=b"name=x", expect=range(400, 500),
          headers={"Content-Type": "application/x-www-form-urlencoded"})
    check(s, "GET", "/api/v1/statistics/on-time?from=not-a-date", headers=officer,
          expect=range(400, 500))
    check(s, "GET", "/api/v1/track/%00%ff%2e%2e%2fetc%2fpasswd", expect=range(400, 500))
    check(s, "GET", "/assets/..%2f..%2f..%2fetc%2fpasswd", expect=range(400, 500))
    check(s, "GET", "/open311/v2/requests.json?start_date=yesterday", expect=range(400, 500))
    check_raw(s, "malformed request line", b"GARBAGE\r\n\r\n")
    check_raw(s, "huge header", b"GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * 40000 +
              b"\r\nConnection: close\r\n\r\n")
    check_raw(s, "oversized body announced", b"POST /api/v1/feedback HTTP/1.1\r\nHost: x\r\n"
              b"Content-Type: application/json\r\nContent-Length: 104857600\r\n"
              b"Connection: close\r\n\r\n")
    check_raw(s, "bad chunked body", b"POST /api/v1/feedback HTTP/1.1\r\nHost: x\r\n"
              b"Transfer-Encoding: chunked\r\nConnection: close\r\n\r\nzz\r\n")

    if without_permissions_policy:
        finding(without_permissions_policy[0], f"no Permissions-Policy (on "
                f"{len(without_permissions_policy)} of {checked} answers)")
    for f in findings:
        print(f"  finding: {f}")
    print(f"headers_check: {checked} answers checked, {len(findings)} finding(s)")
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main())
