#!/usr/bin/env python3
"""Online payment benchmark (issue 15 point 1): payments confirmed per second through the VNPAY IPN
endpoint of `motcua serve` on loopback.

  python3 bench/payments_ipn.py [--bin build/motcua] [--payments 200] [--clients 8]

1. Set-up (not timed): a demo province; `motcua serve` with a gateway configured (the pay URL is
   never opened: the script plays the gateway); N birth registrations submitted by congdan.an,
   accepted by tiepnhan.hoalu, taken and charged a 150 000 VND fee by chuyenvien.hoalu, and an
   online payment started for each (POST /dossiers/{id}/payments), which gives its vnp_TxnRef.
2. Timed: K client threads send the N signed IPNs (GET /api/v1/payments/vnpay/ipn, signed with
   the same HMAC-SHA512 as the emulator, tools/emulators/vnpay.py), each on its own connection.
   Every answer must be RspCode 00; each one records the payment, resumes the dossier
   (confirm_payment, the clock's payment_completed) and appends to the hash-chained log.
   confirmed/s = N / wall time; p50/p99 of one IPN's round trip.
Standard library only; prints one JSON document.
"""

import argparse
import concurrent.futures
import http.client
import http.cookiejar
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "tools", "emulators"))
from vnpay import hash_data, sign, vn_now  # noqa: E402  (the emulator's signing, not MotCua's)

SECRET = "BENCHSECRETVNPAY2026"
TERMINAL = "BENCH001"
PASSWORD = "motcua-demo-2026"


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100.0 * (len(ordered) - 1))))]


class Session:
    def __init__(self, url, username):
        self.url = url
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
        self.csrf = None
        login = self.post("/session", {"username": username, "password": PASSWORD})
        self.csrf = login["csrf_token"]
        self.user = login["user"]

    def post(self, path, body):
        headers = {"Content-Type": "application/json"}
        if self.csrf:
            headers["X-CSRF-Token"] = self.csrf
        req = urllib.request.Request(self.url + "/api/v1" + path, data=json.dumps(body).encode(),
                                     headers=headers, method="POST")
        with self.opener.open(req) as answer:
            return json.loads(answer.read())


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bin", default=os.path.join(ROOT, "build", "motcua"))
    parser.add_argument("--payments", type=int, default=200)
    parser.add_argument("--clients", type=int, default=8)
    args = parser.parse_args()

    work = tempfile.mkdtemp(prefix="motcua-ipn-bench-")
    db = os.path.join(work, "demo.db")
    secret_file = os.path.join(work, "vnpay-secret")
    with open(secret_file, "w") as f:
        f.write(SECRET + "\n")
    os.chmod(secret_file, 0o600)
    subprocess.run([args.bin, "demo", "--db", db], check=True, cwd=ROOT, stdout=subprocess.DEVNULL)
    server = subprocess.Popen(
        [args.bin, "serve", "--db", db, "--listen", "127.0.0.1:0", "--insecure-cookies",
         "--payment-url", "http://127.0.0.1:9/paymentv2/vpcpay.html",
         "--payment-terminal", TERMINAL, "--payment-secret-file", secret_file],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        url = json.loads(server.stdout.readline())["url"]
        an = Session(url, "congdan.an")
        reception = Session(url, "tiepnhan.hoalu")
        official = Session(url, "chuyenvien.hoalu")
        official_id = official.user["id"]
        orders = []
        began = time.time()
        for i in range(args.payments):
            dossier = an.post("/dossiers", {
                "procedure_code": "1.001193", "agency_id": "commune-14329",
                "receiving_unit_id": "mc-14329", "channel": "online", "return_channel": "counter",
                "applicant": {"name": "Người Thử Tải %d" % i, "id_number": "037090001234",
                              "phone": "0912345678"},
                "submit": True})
            base = "/dossiers/" + dossier["id"]
            reception.post(base + "/accept", {})
            official.post(base + "/assign", {"official_id": official_id})
            official.post(base + "/request-payment", {"amount": 150000,
                                                       "description": "Lệ phí thử tải"})
            started = an.post(base + "/payments", {})
            query = dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(started["redirect_url"]).query))
            orders.append(query)
        setup_s = time.time() - began

        def ipn_query(order):
            params = {"vnp_Amount": order["vnp_Amount"], "vnp_BankCode": "NCB",
                      "vnp_CardType": "ATM", "vnp_OrderInfo": order["vnp_OrderInfo"],
                      "vnp_PayDate": vn_now(), "vnp_ResponseCode": "00",
                      "vnp_TmnCode": TERMINAL, "vnp_TransactionNo": str(random.randint(10**7, 10**8 - 1)),
                      "vnp_TransactionStatus": "00", "vnp_TxnRef": order["vnp_TxnRef"]}
            return hash_data(params) + "&vnp_SecureHash=" + sign(SECRET, hash_data(params))

        queries = [ipn_query(o) for o in orders]
        host, port = urllib.parse.urlsplit(url).netloc.split(":")

        def fire(query):
            t0 = time.perf_counter()
            conn = http.client.HTTPConnection(host, int(port), timeout=30)
            conn.request("GET", "/api/v1/payments/vnpay/ipn?" + query)
            answer = json.loads(conn.getresponse().read())
            conn.close()
            return answer["RspCode"], (time.perf_counter() - t0) * 1000

        began = time.perf_counter()
        with concurrent.futures.ThreadPoolExecutor(max_workers=args.clients) as pool:
            results = list(pool.map(fire, queries))
        elapsed = time.perf_counter() - began
        codes = [code for code, _ in results]
        latencies = [ms for _, ms in results]
        print(json.dumps({
            "payments": args.payments, "clients": args.clients,
            "setup_seconds": round(setup_s, 1),
            "confirmed": codes.count("00"), "other_answers": len(codes) - codes.count("00"),
            "seconds": round(elapsed, 3),
            "confirmed_per_s": round(codes.count("00") / elapsed, 1),
            "latency_ms": {"p50": round(statistics.median(latencies), 1),
                           "p99": round(percentile(latencies, 99), 1)},
        }, indent=1))
        return 0 if codes.count("00") == len(codes) else 1
    finally:
        server.terminate()
        server.wait()


if __name__ == "__main__":
    sys.exit(main())
