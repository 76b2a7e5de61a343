#!/usr/bin/env python3
"""Emulator of the public postal service's order API (Vietnam Post, customer-partner API) for
MotCua's postal channel (docs/integrations.md "Postal channel"). Not the real service: the shape
of its order request and answer, enough for the tests and the demo.

  POST /customer-partner/CreateOrder   an order (SenderFullname, SenderAddress, SenderTel,
                                       ReceiverFullname, ReceiverAddress, ReceiverTel, CodAmount,
                                       Weight, ServiceName, OrderCode, ...); answers
                                       {"ItemCode": "EL000000001VN", "OrderCode", "Status"}
  GET  /_orders                        the orders taken, by ItemCode
  POST /_callback                      makes the post call MotCua back, as the real one does on
                                       each status change: {"url": MotCua's callback URL,
                                       "secret", "tracking_number", "event": picked_up | delivered
                                       | returned_to_sender, "note"?, "timestamp"?: unix seconds
                                       (default now), "signature"?: sent instead of the right one,
                                       "send_twice"?: true}; answers what MotCua answered:
                                       {"status", "body"} (a list of two with send_twice)

A callback is signed as MotCua expects: X-Post-Timestamp (unix seconds) and X-Post-Signature:
sha256=<hex HMAC-SHA256(secret, timestamp + "." + body)>. Plus everything partner.py offers
(/_control, /_received, /_reset, Idempotency-Key dedup).
"""

import hashlib
import hmac
import json
import os
import sys
import time
import urllib.error
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import partner  # noqa: E402

REQUIRED = ("SenderFullname", "SenderAddress", "ReceiverFullname", "ReceiverAddress", "Weight")


class VietnamPost(partner.Partner):
    name = "vietnam_post"

    def __init__(self):
        super().__init__()
        self.orders = {}
        self.next_number = 1
        self.routes[("POST", "/customer-partner/CreateOrder")] = self.create_order

    def create_order(self, path, headers, body):
        try:
            order = json.loads(body)
        except ValueError:
            return 400, {"error": "body is not JSON"}
        missing = [f for f in REQUIRED if not order.get(f)]
        if missing:
            return 400, {"error": "missing " + ", ".join(missing)}
        if not isinstance(order.get("CodAmount", 0), int) or order.get("CodAmount", 0) < 0:
            return 400, {"error": "CodAmount must be whole VND"}
        with self.lock:
            code = "EL%09dVN" % self.next_number
            self.next_number += 1
            self.orders[code] = order
        return 200, {"ItemCode": code, "OrderCode": order.get("OrderCode", ""), "Status": 1}

    def handle(self, method, path, headers, body):
        if path == "/_orders" and method == "GET":
            with self.lock:
                return 200, json.dumps(self.orders, ensure_ascii=False).encode(), "application/json"
        if path == "/_callback" and method == "POST":
            req = json.loads(body or b"{}")
            answers = [send_callback(req) for _ in range(2 if req.get("send_twice") else 1)]
            answer = answers if req.get("send_twice") else answers[0]
            return 200, json.dumps(answer, ensure_ascii=False).encode(), "application/json"
        return super().handle(method, path, headers, body)


def send_callback(req):
    body = json.dumps({"tracking_number": req["tracking_number"], "event": req["event"],
                       "occurred_at": time.strftime("%Y-%m-%dT%H:%M:%S+07:00",
                                                    time.gmtime(time.time() + 7 * 3600)),
                       "note": req.get("note", "")}, ensure_ascii=False).encode()
    timestamp = str(int(req.get("timestamp") or time.time()))
    mac = hmac.new(req["secret"].encode(), timestamp.encode() + b"." + body, hashlib.sha256)
    signature = req.get("signature") or "sha256=" + mac.hexdigest()
    request = urllib.request.Request(req["url"], data=body, method="POST", headers={
        "Content-Type": "application/json", "X-Post-Timestamp": timestamp,
        "X-Post-Signature": signature})
    try:
        with urllib.request.urlopen(request, timeout=10) as answer:
            return {"status": answer.status, "body": json.loads(answer.read() or b"null")}
    except urllib.error.HTTPError as refused:
        return {"status": refused.code, "body": json.loads(refused.read() or b"null")}


if __name__ == "__main__":
    sys.exit(partner.serve(VietnamPost()))
