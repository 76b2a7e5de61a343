"""Emulator of a Vietnamese carrier's brandname SMS gateway (eSMS, VNPT, Viettel style JSON API),
to the shape MotCua's SMS adapter sends (docs/integrations.md, "SMS"):

  POST <any path>   X-Signature: sha256=<hex HMAC-SHA256 of the body, key = the account secret>
  {"brandname", "phone": "84...", "message", "unicode", "segments", "request_id"}
  -> {"code": 0, "message": "accepted", "message_id": "SMS-000001", "segments": N}

Like the real gateways it answers its own codes: 101 bad signature (HTTP 401), 104 brandname not
registered, 108 invalid phone number, 109 content not sendable as declared (accented text sent as
GSM-7), 103 balance used up (after --balance messages). A request id already taken is answered as
the first time (recorded as a duplicate). Also /_control, /_received, /_reset (partner.py).

  python3 tools/emulators/sms_gateway.py --port 0 --secret-file FILE --brandname MOTCUA
"""

import argparse
import hashlib
import hmac
import json
import re
import sys

import partner

PHONE = re.compile(r"^84[35789][0-9]{8}$")


class SmsGateway(partner.Partner):
    name = "brandname SMS gateway"

    def __init__(self, secret, brandnames, balance):
        super().__init__()
        self.secret = secret.encode()
        self.brandnames = set(brandnames)
        self.balance = balance
        self.sent = 0
        self.routes[("POST", "/")] = self.send

    def handle(self, method, path, headers, body):
        # The request id in the body is the gateway's idempotency key, header or not.
        if method == "POST" and not path.startswith("/_"):
            try:
                rid = json.loads(body).get("request_id")
            except (ValueError, AttributeError):
                rid = None
            if rid:
                headers = dict(headers, **{"idempotency-key": "sms:" + str(rid)})
        answer = super().handle(method, path, headers, body)
        # Only a message taken is remembered: a refused one (bad token, no balance) may be
        # sent again with the same id once the cause is fixed.
        key = headers.get("idempotency-key")
        with self.lock:
            kept = self.answers_by_key.get(key)
            if kept and kept[1].get("code") != 0:
                del self.answers_by_key[key]
        return answer

    def send(self, path, headers, body):
        expected = "sha256=" + hmac.new(self.secret, body, hashlib.sha256).hexdigest()
        if not hmac.compare_digest(headers.get("x-signature", ""), expected):
            return 401, {"code": 101, "message": "invalid signature"}
        try:
            req = json.loads(body)
        except ValueError:
            return 400, {"code": 110, "message": "body is not JSON"}
        if req.get("brandname") not in self.brandnames:
            return 200, {"code": 104, "message": "brandname not registered"}
        if not PHONE.match(str(req.get("phone", ""))):
            return 200, {"code": 108, "message": "invalid phone number"}
        message = str(req.get("message", ""))
        if not req.get("unicode") and not all(32 <= ord(c) < 127 or c in "\r\n" for c in message):
            return 200, {"code": 109, "message": "message is not GSM-7 but unicode is false"}
        with self.lock:
            if self.balance is not None and self.sent >= self.balance:
                return 200, {"code": 103, "message": "balance used up"}
            self.sent += 1
            number = self.sent
        return 200, {"code": 0, "message": "accepted", "message_id": "SMS-%06d" % number,
                     "segments": req.get("segments", 1)}


def main():
    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument("--secret-file", required=True)
    parser.add_argument("--brandname", action="append", default=None)
    parser.add_argument("--balance", type=int, default=None)
    args, rest = parser.parse_known_args()
    with open(args.secret_file, encoding="utf-8") as f:
        secret = f.read().strip()
    gateway = SmsGateway(secret, args.brandname or ["MOTCUA"], args.balance)
    return partner.serve(gateway, rest)


if __name__ == "__main__":
    sys.exit(main())
