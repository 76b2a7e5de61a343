"""Emulator of the Zalo Notification Service "send ZNS" API (business.openapi.zalo.me), to Zalo's
published shape (docs/integrations.md, "Zalo"):

  POST /message/template   access_token: <Official Account access token>
  {"phone": "84...", "template_id", "template_data": {...}, "tracking_id"}
  -> {"error": 0, "message": "Success",
      "data": {"msg_id", "sent_time", "quota": {"dailyQuota", "remainingQuota"}}}

The approved templates are read from data/notifications/zalo-templates.json (their ids and
parameter names and limits). Errors as Zalo numbers them: -124 invalid access token, -108 invalid
phone, -109 unknown template id, -112 template data missing a parameter or too long, -118 no Zalo
account (numbers ending in 000000 here), -115 out of quota (after --quota messages). A tracking id
already taken is answered as the first time (recorded as a duplicate). Also /_control,
/_received, /_reset (partner.py).

  python3 tools/emulators/zalo_zns.py --port 0 --token-file FILE [--templates FILE]
"""

import argparse
import json
import os
import re
import sys
import time

import partner

PHONE = re.compile(r"^84[0-9]{9}$")
HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_TEMPLATES = os.path.join(HERE, "..", "..", "data", "notifications", "zalo-templates.json")


class ZaloZns(partner.Partner):
    name = "Zalo Notification Service"

    def __init__(self, token, templates, quota):
        super().__init__()
        self.token = token
        self.templates = {t["template_id"]: t["params"] for t in templates.values()}
        self.quota = quota
        self.sent = 0
        self.routes[("POST", "/message/template")] = self.send

    def handle(self, method, path, headers, body):
        # ZNS has no idempotency header: tracking_id identifies the message.
        if method == "POST" and path.startswith("/message/template"):
            try:
                tid = json.loads(body).get("tracking_id")
            except (ValueError, AttributeError):
                tid = None
            if tid:
                headers = dict(headers, **{"idempotency-key": "zns:" + str(tid)})
        answer = super().handle(method, path, headers, body)
        # Only a message taken is remembered: a refused one (bad token, no balance) may be
        # sent again with the same id once the cause is fixed.
        key = headers.get("idempotency-key")
        with self.lock:
            kept = self.answers_by_key.get(key)
            if kept and kept[1].get("error") != 0:
                del self.answers_by_key[key]
        return answer

    def send(self, path, headers, body):
        if headers.get("access_token") != self.token:
            return 200, {"error": -124, "message": "Access token is invalid"}
        try:
            req = json.loads(body)
        except ValueError:
            return 200, {"error": -122, "message": "Body format invalid"}
        phone = str(req.get("phone", ""))
        if not PHONE.match(phone):
            return 200, {"error": -108, "message": "Phone number invalid"}
        params = self.templates.get(str(req.get("template_id", "")))
        if params is None:
            return 200, {"error": -109, "message": "Template ID invalid"}
        data = req.get("template_data")
        if not isinstance(data, dict):
            return 200, {"error": -111, "message": "Template data empty"}
        for p in params:
            value = data.get(p["param"])
            if not isinstance(value, str) or (p.get("max") and len(value) > p["max"]):
                return 200, {"error": -112, "message": "Template data invalid: " + p["param"]}
        if phone.endswith("000000"):
            return 200, {"error": -118, "message": "Zalo account not existed"}
        with self.lock:
            if self.quota is not None and self.sent >= self.quota:
                return 200, {"error": -115, "message": "Out of quota"}
            self.sent += 1
            number = self.sent
            remaining = "" if self.quota is None else str(self.quota - self.sent)
        return 200, {"error": 0, "message": "Success",
                     "data": {"msg_id": "zns%010d" % number,
                              "sent_time": str(int(time.time() * 1000)),
                              "quota": {"dailyQuota": "" if self.quota is None else str(self.quota),
                                        "remainingQuota": remaining}}}


def main():
    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument("--token-file", required=True)
    parser.add_argument("--templates", default=DEFAULT_TEMPLATES)
    parser.add_argument("--quota", type=int, default=None)
    args, rest = parser.parse_known_args()
    with open(args.token_file, encoding="utf-8") as f:
        token = f.read().strip()
    with open(args.templates, encoding="utf-8") as f:
        templates = json.load(f)["templates"]
    return partner.serve(ZaloZns(token, templates, args.quota), rest)


if __name__ == "__main__":
    sys.exit(main())
