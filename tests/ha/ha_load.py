#!/usr/bin/env python3
"""Mixed load through one MotCua URL (one server, or haproxy in front of several) that survives a
server or database being killed, then checks that no acknowledged change was lost or duplicated.

Each client runs dossiers through the counter workflow: intake (POST /api/v1/dossiers), assign,
forward to the leader's step, approve, return-result, every write with its own Idempotency-Key,
and reads in between (public tracking of the new code, the procedure list). A write that fails
(connection refused or reset, haproxy 502/503, server 5xx) is sent again with the same key until
it is acknowledged, as a real client does: the key makes the retry safe whether or not the first
attempt committed.

A 409 concurrent_change is a failed check (each client alone changes its dossiers), retried too
so that the run goes on and counts them.
After the load (--seconds, or until the --stop-file exists) every dossier is read back:
  - its timeline holds each acknowledged step exactly once (none lost, none duplicated);
  - its status is that of its last acknowledged step (or of the one step still in flight);
  - no dossier code was handed out twice.
Prints one JSON report (also to --report); exit status 1 when a check fails.
Writes are timed: `longest_write_gap_s` is the longest time between two acknowledged writes, and
`failure_window_s` the time from the last acknowledged write before the first failed attempt to the
first acknowledged write after the last failed attempt (the outage as clients saw it).

  tests/ha/ha_load.py --url http://127.0.0.1:8080 --clients 8 --seconds 30 --tag run1
"""
import argparse
import http.client
import json
import os
import sys
import threading
import time
import urllib.parse
import uuid

PASSWORD = "motcua-demo-2026"
STEPS = [  # (path, expected status after it, timeline event type)
    ("intake", "received", "dossier_accepted"),
    ("assign", "in_progress", "dossier_assigned"),
    ("forward", "in_progress", "dossier_forwarded"),
    ("approve", "result_ready", "dossier_approved"),
    ("return-result", "returned", "result_returned"),
]
RETRYABLE_STATUS = {500, 502, 503, 504}


class Client:
    """One kept-alive connection; reconnects after any failure."""

    def __init__(self, url, timeout):
        u = urllib.parse.urlparse(url)
        self.host, self.port, self.timeout = u.hostname, u.port, timeout
        self.conn = None

    def request(self, method, path, body=None, session=None, key=None):
        headers = {"Content-Type": "application/json"}
        if session:
            headers["Cookie"], headers["X-CSRF-Token"] = session
        if key:
            headers["Idempotency-Key"] = key
        if self.conn is None:
            self.conn = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)
        try:
            self.conn.request(method, path, json.dumps(body) if body is not None else None, headers)
            r = self.conn.getresponse()
            data = r.read()
            if r.getheader("Connection", "").lower() == "close":
                self.close()
            return r.status, r.getheader("Set-Cookie"), data
        except (OSError, http.client.HTTPException):
            self.close()
            raise

    def close(self):
        if self.conn is not None:
            self.conn.close()
            self.conn = None


class Run:
    def __init__(self, args):
        self.args = args
        self.lock = threading.Lock()
        self.sessions = {}
        self.dossiers = []  # {"id", "code", "acked": [step index], "in_flight": step index or None}
        self.write_times = []  # (time, ok)
        self.writes_acked = 0
        self.failed_attempts = 0
        self.failure_kinds = {}
        self.reads_ok = 0
        self.reads_failed = 0
        self.fatal = []
        self.conflicts = 0
        self.writes_retried = 0  # writes acknowledged only after one or more failed attempts
        self.end = time.monotonic() + args.seconds

    def running(self):
        if self.args.stop_file and os.path.exists(self.args.stop_file):
            return False
        return time.monotonic() < self.end

    def log_in(self, client, role):
        username = f"{role}.{self.args.commune}"
        deadline = time.monotonic() + self.args.retry_seconds
        while True:
            try:
                st, cookie, data = client.request(
                    "POST", "/api/v1/session", {"username": username, "password": PASSWORD})
                if st == 200:
                    session = (cookie.split(";")[0], json.loads(data)["csrf_token"])
                    with self.lock:
                        self.sessions[role] = session
                    return session
                if st not in RETRYABLE_STATUS:
                    raise RuntimeError(f"login {username}: {st} {data[:200]!r}")
            except (OSError, http.client.HTTPException):
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"login {username}: no answer in {self.args.retry_seconds}s")
            time.sleep(0.1)

    def note_failure(self, kind):
        with self.lock:
            self.failed_attempts += 1
            self.failure_kinds[kind] = self.failure_kinds.get(kind, 0) + 1
            if kind != "409":  # conflicts are counted apart: they are no outage
                self.write_times.append((time.time(), False))

    def write(self, client, path, body, role, expect):
        """Sends the write until acknowledged (same key each time); returns the parsed answer."""
        key = uuid.uuid4().hex
        deadline = time.monotonic() + self.args.retry_seconds
        attempts = -1
        while True:
            attempts += 1
            session = self.sessions[role]
            try:
                st, _, data = client.request("POST", path, body, session, key)
            except (OSError, http.client.HTTPException) as e:
                self.note_failure(type(e).__name__)
            else:
                if st == expect:
                    with self.lock:
                        self.writes_acked += 1
                        self.writes_retried += attempts > 0
                        self.write_times.append((time.time(), True))
                    return json.loads(data)
                if st == 401:  # session lost: log in again, same key (the key is per actor)
                    self.note_failure("401")
                    self.log_in(client, role)
                elif st in RETRYABLE_STATUS:
                    self.note_failure(str(st))
                elif st == 409 and b"concurrent_change" in data:
                    # Nobody else touches this client's dossier, so a conflict is a server defect
                    # (a stale cache, or servers colliding on shared rows): a failed check, but
                    # the write is retried like a user would, so the run goes on and counts them.
                    self.note_failure("409")
                    with self.lock:
                        self.conflicts += 1
                        if self.conflicts <= 5:
                            self.fatal.append(f"POST {path}: 409 concurrent_change on a write "
                                              f"no other client touches")
                else:
                    raise RuntimeError(f"POST {path}: unexpected {st} {data[:300]!r}")
            if time.monotonic() > deadline:
                raise RuntimeError(f"POST {path}: not acknowledged in {self.args.retry_seconds}s")
            time.sleep(0.05)

    def read(self, client, path):
        try:
            st, _, _ = client.request("GET", path)
        except (OSError, http.client.HTTPException):
            st = 0
        with self.lock:
            if st == 200:
                self.reads_ok += 1
            else:
                self.reads_failed += 1
        return st

    def client_loop(self, n):
        a = self.args
        client = Client(a.url, a.timeout)
        seq = 0
        try:
            while self.running():
                seq += 1
                record = {"id": None, "code": None, "acked": [], "in_flight": 0}
                with self.lock:
                    self.dossiers.append(record)
                created = self.write(client, "/api/v1/dossiers", {
                    "procedure_code": a.procedure, "agency_id": a.agency,
                    "receiving_unit_id": a.unit, "channel": "counter", "return_channel": "counter",
                    "applicant": {"name": f"HA {a.tag} {n}-{seq}"}}, "tiepnhan", 201)
                record.update(id=created["id"], code=created["code"])
                record["acked"].append(0)
                record["in_flight"] = None
                self.read(client, f"/api/v1/track/{urllib.parse.quote(created['code'])}")
                base = f"/api/v1/dossiers/{created['id']}/"
                for i, (body, role) in enumerate([
                        ({"official_id": f"u-chuyenvien.{a.commune}"}, "chuyenvien"),
                        # The internal process: approval only at its leader's step.
                        ({"official_id": f"u-lanhdao.{a.commune}", "step": "phe-duyet"},
                         "chuyenvien"),
                        ({"note": "Đủ điều kiện"}, "lanhdao"),
                        ({"channel": "counter", "receiver_name": "Người nhận"}, "tiepnhan")], 1):
                    if not self.running():
                        break
                    record["in_flight"] = i
                    self.write(client, base + STEPS[i][0], body, role, 200)
                    record["acked"].append(i)
                    record["in_flight"] = None
                if seq % 5 == 0:
                    self.read(client, "/api/v1/procedures")
        except Exception as e:  # noqa: BLE001 - reported as a failed check
            with self.lock:
                self.fatal.append(f"client {n}: {e}")
        finally:
            client.close()

    def verify(self):
        problems = []
        client = Client(self.args.url, self.args.timeout)
        codes = {}
        for d in self.dossiers:
            if d["id"] is None:
                continue  # its intake never got an answer (the run ended first)
            codes.setdefault(d["code"], []).append(d["id"])
            st = 0
            for _ in range(50):
                try:
                    st, _, data = client.request("GET", f"/api/v1/dossiers/{d['id']}", None,
                                                 self.sessions["chuyenvien"])
                    if st == 200:
                        break
                except (OSError, http.client.HTTPException):
                    pass
                time.sleep(0.1)
            if st != 200:
                problems.append(f"{d['id']}: read back failed ({st})")
                continue
            view = json.loads(data)
            events = [t["type"] for t in view["timeline"]]
            for i in d["acked"]:
                if events.count(STEPS[i][2]) != 1:
                    problems.append(f"{d['code']}: acknowledged {STEPS[i][0]} appears "
                                    f"{events.count(STEPS[i][2])} times in the timeline")
            allowed = {STEPS[d["acked"][-1]][1]}
            if d["in_flight"] is not None:
                allowed.add(STEPS[d["in_flight"]][1])
            if view["status"] not in allowed:
                problems.append(
                f"{d['code']}: status {view['status']}, expected one of {sorted(allowed)}")
        client.close()
        for code, ids in codes.items():
            if len(ids) > 1:
                problems.append(f"code {code} handed out {len(ids)} times: {ids}")
        return problems, len(codes)

    def windows(self):
        times = sorted(self.write_times)
        ok_times = [t for t, ok in times if ok]
        gap = max((b - a for a, b in zip(ok_times, ok_times[1:])), default=0.0)
        fails = [t for t, ok in times if not ok]
        window = None
        if fails:
            before = [t for t in ok_times if t < fails[0]]
            after = [t for t in ok_times if t > fails[-1]]
            if before and after:
                window = after[0] - before[-1]
        return gap, window


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("--url", required=True)
    p.add_argument("--clients", type=int, default=8)
    p.add_argument("--seconds", type=float, default=30)
    p.add_argument("--stop-file", help="stop early once this file exists")
    p.add_argument("--tag", default=uuid.uuid4().hex[:8], help="marks this run's applicants")
    p.add_argument("--retry-seconds", type=float, default=60,
                   help="give up on a write not acknowledged after this long")
    p.add_argument("--timeout", type=float, default=10, help="socket timeout per request")
    p.add_argument("--commune", default="hoalu")
    p.add_argument("--agency", default="commune-14329")
    p.add_argument("--unit", default="mc-14329")
    p.add_argument("--procedure", default="1.001193")
    p.add_argument("--report", help="also write the JSON report here")
    p.add_argument("--records", help="write what was acknowledged for each dossier here")
    p.add_argument("--verify", metavar="RECORDS",
                   help="no load: check the dossiers of a --records file again (self-tests)")
    args = p.parse_args()

    run = Run(args)
    setup = Client(args.url, args.timeout)
    for role in ("tiepnhan", "chuyenvien", "lanhdao"):
        run.log_in(setup, role)
    setup.close()
    if args.verify:
        with open(args.verify, encoding="utf-8") as f:
            run.dossiers = json.load(f)
        problems, _ = run.verify()
        print(json.dumps({"problems": problems[:50], "problem_count": len(problems)},
                         ensure_ascii=False))
        return 0 if not problems else 1
    started = time.monotonic()
    threads = [threading.Thread(target=run.client_loop, args=(n,)) for n in range(args.clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.monotonic() - started
    problems, dossiers = run.verify()
    problems = run.fatal + problems
    gap, window = run.windows()
    report = {
        "tag": args.tag, "clients": args.clients, "seconds": round(elapsed, 2),
        "dossiers": dossiers, "writes_acknowledged": run.writes_acked,
        "writes_per_second": round(run.writes_acked / elapsed, 1),
        "writes_retried": run.writes_retried, "failed_attempts": run.failed_attempts,
        "failure_kinds": run.failure_kinds,
        "conflicts": run.conflicts,
        "reads_ok": run.reads_ok, "reads_failed": run.reads_failed,
        "longest_write_gap_s": round(gap, 3),
        "failure_window_s": None if window is None else round(window, 3),
        "problems": problems[:50], "problem_count": len(problems), "ok": not problems,
    }
    text = json.dumps(report, ensure_ascii=False)
    print(text)
    if args.report:
        with open(args.report, "w", encoding="utf-8") as f:
            f.write(text + "\n")
    if args.records:
        with open(args.records, "w", encoding="utf-8") as f:
            json.dump(run.dossiers, f, ensure_ascii=False)
    return 0 if not problems else 1


if __name__ == "__main__":
    sys.exit(main())
