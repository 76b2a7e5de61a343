#!/usr/bin/env python3
"""An integrator's endpoint for MotCua's webhooks (docs/integrations.md "Webhooks"), for tests and
the demo: takes every POST, answers {"ok": true}, and keeps what it received (GET /_received,
with headers, so a test can check X-MotCua-Signature with the secret it was given). Repeats with
an Idempotency-Key already seen are recorded as duplicates, as a receiver honouring the key would
drop them. Plus everything partner.py offers (/_control to answer 500, garbage, hang, ...).
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import partner  # noqa: E402


class WebhookReceiver(partner.Partner):
    name = "webhook_receiver"

    def __init__(self):
        super().__init__()
        self.routes[("POST", "/")] = lambda path, headers, body: (200, {"ok": True})


if __name__ == "__main__":
    sys.exit(partner.serve(WebhookReceiver()))
