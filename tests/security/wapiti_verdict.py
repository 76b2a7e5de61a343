#!/usr/bin/python3
"""Judges a wapiti JSON report for scripts/test-security; exits 1 on any finding that counts.

What counts (docs/security.md "Scanners"):
- every entry under "vulnerabilities" of level 1 (low) or above, except the notes accepted by
  design below;
- every entry under "anomalies" whatever its level: an anomaly is a 5xx answer or a request that
  timed out, and no input may cause either;
- "additionals" (level 0, informational: fingerprints and the like) are printed, never counted.
"""

import json
import sys

# (category, info): notes that are by design, with the reason. Anything else fails.
ACCEPTED = {
    ("HTTP Secure Headers", "X-XSS-Protection is not set"):
        "the header is obsolete: browsers removed the XSS auditor it drove, and the "
        "Content-Security-Policy (no inline script) is the protection; OWASP advises not to set it",
    ("HTTP Secure Headers", "Strict-Transport-Security is not set"):
        "the scan is over plain HTTP on loopback; HSTS belongs to answers over TLS only "
        "(RFC 6797 section 7.2), which the TLS proxy or native TLS sends",
}


def main() -> int:
    with open(sys.argv[1], encoding="utf-8") as f:
        report = json.load(f)
    counted = 0
    for section in ("vulnerabilities", "anomalies", "additionals"):
        for category, entries in (report.get(section) or {}).items():
            for e in entries:
                info = (e.get("info") or "").strip()
                level = e.get("level", 0)
                where = f"{e.get('method', '')} {e.get('path', '')}"
                parameter = e.get("parameter") or ""
                line = f"{section} / {category} (level {level}) {where} {parameter}: {info[:300]}"
                if section == "additionals" or (section == "vulnerabilities" and level < 1):
                    print(f"  info: {line}")
                elif section == "vulnerabilities" and (category, info) in ACCEPTED:
                    print(f"  accepted: {line}\n    why: {ACCEPTED[(category, info)]}")
                else:
                    print(f"  FINDING: {line}")
                    if e.get("http_request"):
                        print("    request: " + e["http_request"].replace("\n", "\n             "))
                    counted += 1
    print(f"wapiti_verdict: {counted} finding(s) above informational")
    return 1 if counted else 0


if __name__ == "__main__":
    sys.exit(main())
