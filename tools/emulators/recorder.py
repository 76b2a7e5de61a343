"""A partner that only records: takes any JSON POST to /dossiers (the shape the National Public
Service Portal's sync and the delivery engine's tests send) and answers {"id": "R-<n>"}. The tests
of the delivery engine (tests/integration/delivery_test.cpp) and bench/delivery_throughput read
what it took from GET /_received (partner.py), each entry with its receive time ("at", Unix
seconds) and "duplicate" for a repeat of an Idempotency-Key already taken.

  python3 tools/emulators/recorder.py --port 0
"""

import itertools
import sys

from partner import Partner, serve


class Recorder(Partner):
    name = "recorder"

    def __init__(self):
        super().__init__()
        self.numbers = itertools.count(1)
        self.routes[("POST", "/dossiers")] = self.take

    def take(self, path, headers, body):
        with self.lock:
            n = next(self.numbers)
        return 200, {"id": "R-%d" % n}


if __name__ == "__main__":
    sys.exit(serve(Recorder()))
