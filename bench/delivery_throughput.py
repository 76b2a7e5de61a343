#!/usr/bin/env python3
"""Delivery benchmark (issue 14): the outbox engine against tools/emulators/recorder.py on loopback.

  python3 bench/delivery_throughput.py [--bin build/motcua] [--dossiers 200] [--every-ms 500]

1. Throughput: `motcua demo` leaves a backlog of national_portal.sync rows; `motcua deliver --once
   --portal-url RECORDER` sends it all. messages/s = delivered / wall time of that run.
2. Commit -> delivery delay: `motcua serve --portal-url RECORDER` on the same database; an applicant
   submits dossiers one after another over REST; each dossier's delay is the recorder's receive
   time of its first sync message minus the moment the 201 answer (sent after the commit) came
   back. Prints p50/p99 in milliseconds.
Standard library only; prints one JSON document.
"""

import argparse
import http.cookiejar
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def start(cmd):
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    line = proc.stdout.readline()
    return proc, json.loads(line)["url"]


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100.0 * (len(ordered) - 1))))]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bin", default=os.path.join(ROOT, "build", "motcua"))
    parser.add_argument("--dossiers", type=int, default=200)
    parser.add_argument("--every-ms", type=int, default=500)
    args = parser.parse_args()

    work = tempfile.mkdtemp(prefix="motcua-delivery-bench-")
    db = os.path.join(work, "demo.db")
    subprocess.run([args.bin, "demo", "--db", db], check=True, cwd=ROOT, stdout=subprocess.DEVNULL)
    recorder, partner = start([sys.executable, os.path.join(ROOT, "tools/emulators/recorder.py"),
                               "--port", "0"])
    try:
        began = time.time()
        run = subprocess.run([args.bin, "deliver", "--once", "--db", db, "--portal-url", partner],
                             check=True, cwd=ROOT, capture_output=True, text=True)
        elapsed = time.time() - began
        sync = json.loads(run.stdout)["topics"]["national_portal.sync"]
        throughput = {"messages": sync["delivered"], "seconds": round(elapsed, 2),
                      "messages_per_s": round(sync["delivered"] / elapsed, 1)}

        urllib.request.urlopen(urllib.request.Request(partner + "/_reset", data=b"{}"))
        server, url = start([args.bin, "serve", "--db", db, "--listen", "127.0.0.1:0",
                             "--portal-url", partner, "--deliver-every-ms", str(args.every_ms),
                             "--insecure-cookies"])
        try:
            jar = http.cookiejar.CookieJar()
            opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))

            def call(path, body, csrf=None):
                headers = {"Content-Type": "application/json"}
                if csrf:
                    headers["X-CSRF-Token"] = csrf
                req = urllib.request.Request(url + "/api/v1" + path, data=json.dumps(body).encode(),
                                             headers=headers, method="POST")
                with opener.open(req) as answer:
                    return json.loads(answer.read())

            csrf = call("/session", {"username": "congdan.an",
                                     "password": "motcua-demo-2026"})["csrf_token"]
            committed = {}
            for i in range(args.dossiers):
                created = call("/dossiers", {
                    "procedure_code": "1.001193", "agency_id": "commune-14329",
                    "receiving_unit_id": "mc-14329", "channel": "online", "return_channel": "counter",
                    "applicant": {"name": "Bench %d" % i, "id_number": "037090001234",
                                  "phone": "0912345678"},
                    "submit": True}, csrf)
                committed[created["id"]] = time.time()
            arrived = {}
            deadline = time.time() + 120
            while len(arrived) < len(committed) and time.time() < deadline:
                time.sleep(0.5)
                with urllib.request.urlopen(partner + "/_received") as answer:
                    for entry in json.loads(answer.read()):
                        body = entry.get("body") or {}
                        dossier = body.get("dossier_id") if isinstance(body, dict) else None
                        if dossier in committed and dossier not in arrived and not entry["duplicate"]:
                            arrived[dossier] = entry["at"]
            delays = [(arrived[d] - committed[d]) * 1000.0 for d in arrived]
            latency = {"dossiers": len(committed), "arrived": len(arrived),
                       "deliver_every_ms": args.every_ms,
                       "p50_ms": round(percentile(delays, 50), 1) if delays else None,
                       "p99_ms": round(percentile(delays, 99), 1) if delays else None}
        finally:
            server.terminate()
            server.wait()
    finally:
        recorder.kill()
        recorder.wait()
    print(json.dumps({"throughput": throughput, "commit_to_delivery": latency}, indent=1))


if __name__ == "__main__":
    main()
