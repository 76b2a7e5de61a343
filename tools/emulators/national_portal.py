#!/usr/bin/env python3
"""Emulator of the National Public Service Portal (Cổng Dịch vụ công quốc gia, DVCQG) as MotCua
talks to it. The real portal's API is not public (docs/integrations.md): this stands in for it in
the tests and the demo, to the fields of the sync record of docs/rules.md section 4 and
codec/portal_sync_record.hpp.

  POST /dossiers          a sync record; keeps the latest one per MaHoSo. 400 naming the field
                          when a required field or code is wrong; else {"id": "DVCQG-<n>"}.
  GET  /dossiers          {"dossiers": [the latest record of every MaHoSo held]} (reconciliation)
  POST /_submit           a dossier submitted "on the portal" by a test or the demo:
                          {"MaTTHC", "MaDonVi" (the competent agency's code), "MaHoSoDVCQG"
                          (optional, generated), "TruongHop" (optional case), "ChuHoSo": {"HoTen",
                          "SoGiayTo", "DiaChi", "SoDienThoai", "Email"}, "GiayTo": [names]}
                          answers {"MaHoSoDVCQG", "seq"}
  GET  /inbound?since=N   {"dossiers": [submitted dossiers with seq > N, in seq order]}: MotCua
                          pulls them (motcua portal pull)
  POST /_reset            as partner.py, and forgets every record held and every submission

Plus partner.py's /_control and /_received. Standard library only.
"""

import json
import os
import re
import sys
import threading
import time
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import partner  # noqa: E402

DATE = re.compile(r"^(\d{14})?$")
DATE_FIELDS = ("NgayTiepNhan", "NgayHenTra", "NgayKetThucXuLy", "NgayTra")


def problem(record):
    """The first thing wrong with a sync record, or None."""
    if not isinstance(record, dict):
        return "body: a JSON object is required"
    for field in ("MaHoSo", "MaTTHC"):
        if not isinstance(record.get(field), str) or not record[field]:
            return field + ": a non-empty string is required"
    status = record.get("TrangThaiHoSo")
    if not isinstance(status, int) or isinstance(status, bool) or not 1 <= status <= 10:
        return "TrangThaiHoSo: a code from 1 to 10 is required"
    if record.get("KenhThucHien") not in (1, 2, 3):
        return "KenhThucHien: 1 (counter), 2 (online) or 3 (post) is required"
    for field in DATE_FIELDS:
        if not isinstance(record.get(field, ""), str) or not DATE.match(record.get(field, "")):
            return field + ": yyyyMMddHHmmss or empty is required"
    for field in ("DanhSachGiayToDinhKem", "DanhSachLePhi", "DanhSachBoSung", "QuaTrinhXuLy"):
        if not isinstance(record.get(field, []), list):
            return field + ": a list is required"
    return None


class NationalPortal(partner.Partner):
    name = "national_portal"

    def __init__(self):
        super().__init__()
        self.held = {}  # MaHoSo -> latest record
        self.taken = 0
        self.submitted = []  # dossiers submitted on the portal, in seq order
        self.last_seq = 0
        self.portal_lock = threading.Lock()
        self.routes[("POST", "/dossiers")] = self.post_dossier
        self.routes[("GET", "/dossiers")] = self.list_dossiers
        self.routes[("POST", "/_submit")] = self.submit
        self.routes[("GET", "/inbound")] = self.inbound

    def handle(self, method, path, headers, body):
        if path == "/_reset" and method == "POST":
            with self.portal_lock:
                self.held.clear()
                self.submitted.clear()
        return super().handle(method, path, headers, body)

    def post_dossier(self, path, headers, body):
        try:
            record = json.loads(body or b"null")
        except ValueError:
            return 400, {"error": "body: not JSON"}
        wrong = problem(record)
        if wrong:
            return 400, {"error": wrong}
        with self.portal_lock:
            self.taken += 1
            self.held[record["MaHoSo"]] = record
            return 200, {"id": "DVCQG-%d" % self.taken, "MaHoSo": record["MaHoSo"]}

    def list_dossiers(self, path, headers, body):
        with self.portal_lock:
            return 200, {"dossiers": list(self.held.values())}

    def submit(self, path, headers, body):
        try:
            d = json.loads(body or b"{}")
        except ValueError:
            return 400, {"error": "body: not JSON"}
        for field in ("MaTTHC", "MaDonVi"):
            if not isinstance(d.get(field), str) or not d[field]:
                return 400, {"error": field + ": a non-empty string is required"}
        applicant = d.get("ChuHoSo")
        if not isinstance(applicant, dict) or not applicant.get("HoTen"):
            return 400, {"error": "ChuHoSo.HoTen: the applicant's name is required"}
        with self.portal_lock:
            # Sequences grow across restarts of the emulator (milliseconds since the epoch), as a
            # real portal's do, so that a MotCua database that pulled from an earlier run still
            # sees the new ones as later.
            seq = max(self.last_seq + 1, int(time.time() * 1000))
            self.last_seq = seq
            d.setdefault("MaHoSoDVCQG", "G22.%d" % seq)
            d["seq"] = seq
            d.setdefault("GiayTo", [])
            self.submitted.append(d)
            return 201, {"MaHoSoDVCQG": d["MaHoSoDVCQG"], "seq": seq}

    def inbound(self, path, headers, body):
        query = urllib.parse.parse_qs(urllib.parse.urlparse(path).query)
        try:
            since = int(query.get("since", ["0"])[0])
        except ValueError:
            return 400, {"error": "since: a whole number is required"}
        with self.portal_lock:
            return 200, {"dossiers": [d for d in self.submitted if d["seq"] > since]}


if __name__ == "__main__":
    sys.exit(partner.serve(NationalPortal()))
