#!/usr/bin/env python3
"""The authorization matrix (issue 18 point 3): every OpenAPI operation x role x object ownership.

One server on the demo province (`motcua demo --dossiers 0`), one session per role, fresh objects
of every kind made through the API (one function each, make_*: applicant A's dossier at commune X
and B's at commune Y, their papers, feedback, queues, consultations, payments, refunds and partner
questions; the administrator's webhook, partner, Open311 key and an outbox message), then every
operation of docs/api/openapi.json called by every role on X's object, Y's object (or the
administrator's, `any`) and a missing id. The expected
answer of each cell lives in tests/authz/matrix.tsv (reviewed in diffs).

  authz_matrix.py --binary build/motcua check      the test (ctest authz_matrix)
  authz_matrix.py --binary build/motcua generate   add rows for operations missing from the table,
                                                    with the observed answers marked TODO

The check fails on: an operation (or object column) missing from the table or no longer in the
OpenAPI document, a row still marked TODO, any cell that differs, and any foreign object answering
differently from a missing one (status and problem code), which would tell an outsider that the
object exists.
"""

import argparse
import base64
import ctypes
import ctypes.util
import datetime
import hashlib
import http.client
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
MATRIX = os.path.join(HERE, "matrix.tsv")
OPENAPI = os.path.join(ROOT, "docs", "api", "openapi.json")
PASSWORD = "motcua-demo-2026"  # data/demo/ninh-binh.json: demo mode only

# Column -> demo account (data/demo/ninh-binh.json). Commune X is Hoa Lu (commune-14329), commune
# Y is Tam Diep (commune-14362); the provincial centre is the province's reception desk
# (ttphvhcc-37), the department the Department of Justice's processing official.
ROLES = [
    ("anonymous", None),
    ("applicant_a", "congdan.an"),
    ("applicant_b", "congdan.binh"),
    ("reception_x", "tiepnhan.hoalu"),
    ("processing_x", "chuyenvien.hoalu"),
    ("leader_x", "lanhdao.hoalu"),
    ("reception_y", "tiepnhan.tamdiep"),
    ("processing_y", "chuyenvien.tamdiep"),
    ("leader_y", "lanhdao.tamdiep"),
    ("centre", "tiepnhan.tinh"),
    ("department", "chuyenvien.tuphap"),
    ("administrator", "quantri"),
]
ROLE_NAMES = [name for name, _ in ROLES]

# Whose object is X's and whose is Y's. The oracle rule applies to the roles for which an object
# is foreign: A and commune X's officials for Y's object, B and commune Y's for X's, anonymous and
# the department (which no dossier of a commune reaches) for both. The centre and the
# administrator hold grants on the province, which contains both communes.
OWNERS = {
    "x": {"applicant_a", "reception_x", "processing_x", "leader_x", "centre", "administrator"},
    "y": {"applicant_b", "reception_y", "processing_y", "leader_y", "centre", "administrator"},
}

# Objects that belong to someone: the first path parameter matched by one of these patterns takes
# X's, Y's or a missing value; each such operation has three rows (x, y, missing).
OWNED = [
    (re.compile(r"^/api/v1/dossiers/\{id\}"), "id", "dossier"),
    (re.compile(r"^/api/v1/track/\{code\}"), "code", "code"),
    # The sender's two operations take the tracking code in the {id} slot (openapi.json says so).
    (re.compile(r"^/api/v1/feedback/\{id\}/(supply-info|rate)$"), "id", "feedback_code"),
    (re.compile(r"^/api/v1/feedback/\{id\}"), "id", "feedback"),
    (re.compile(r"^/api/v1/feedback/\{code\}"), "code", "feedback_code"),
    (re.compile(r"^/api/v1/my/papers/\{id\}"), "id", "stored_paper"),
    (re.compile(r"/queue/units/\{unit\}"), "unit", "unit"),
    (re.compile(r"^/api/v1/admin/queue/services/\{id\}"), "id", "queue_service"),
    (re.compile(r"/queue/counters/\{id\}"), "id", "queue_counter"),
    (re.compile(r"^/api/v1/queue/tickets/\{id\}"), "id", "queue_ticket"),
    (re.compile(r"^/api/v1/admin/one-stop-units/\{id\}"), "id", "unit"),
    (re.compile(r"^/api/v1/admin/agencies/\{id\}"), "id", "agency"),
    (re.compile(r"^/api/v1/consultations/\{id\}"), "id", "consultation"),
    (re.compile(r"^/api/v1/payments/\{id\}"), "id", "payment"),
    (re.compile(r"^/api/v1/refunds/\{id\}"), "id", "refund"),
    (re.compile(r"^/api/v1/exchange/questions/\{id\}"), "id", "exchange_question"),
    (re.compile(r"^/api/v1/processes/\{id\}"), "id", "process"),
    # Objects of the administrator, which belong to no commune: one row with a real one (`any`)
    # and one with a missing id (ADMIN_KINDS).
    (re.compile(r"^/api/v1/admin/webhooks/\{id\}"), "id", "webhook"),
    (re.compile(r"^/api/v1/admin/exchange/partners/\{id\}"), "id", "partner"),
    (re.compile(r"^/api/v1/admin/outbox/messages/\{id\}"), "id", "outbox_message"),
    (re.compile(r"^/api/v1/admin/open311/keys/\{id\}"), "id", "open311_key"),
]
# A stored paper (the applicant's own paper store) is its applicant's alone: no official owns it.
# The queue of a desk (services, counters, tickets) is its commune's officials'; applicants take
# tickets at the kiosk, by unit, and own none of these ids.
_DESK = {"x": {"reception_x", "processing_x", "leader_x", "centre", "administrator"},
         "y": {"reception_y", "processing_y", "leader_y", "centre", "administrator"}}
# A consultation is seen by whoever sees its dossier and by the consulted agency: X's asks the
# department (Department of Justice), Y's an agency no role holds (the Provincial Police).
# Payments and refunds are their dossier's (OWNERS). A partner instance's question is put to an
# agency and answered by its processing officials and leaders: no one else sees it, not the desk,
# the centre or the administrator (app/exchange/exchange_views.cpp answering_agencies).
# The administrator's own objects (webhooks, partners, outbox messages, Open311 keys) are the
# administrator's alone: every other role must answer for them as for a missing id.
ADMIN_KINDS = {"webhook", "partner", "outbox_message", "open311_key"}
KIND_OWNERS = {"stored_paper": {"x": {"applicant_a"}, "y": {"applicant_b"}},
               "queue_service": _DESK, "queue_counter": _DESK, "queue_ticket": _DESK,
               "consultation": {"x": OWNERS["x"] | {"department"}, "y": OWNERS["y"]},
               "exchange_question": {"x": {"processing_x", "leader_x"},
                                     "y": {"processing_y", "leader_y"}},
               **{kind: {"any": {"administrator"}} for kind in ADMIN_KINDS}}


def owners_of(path, obj):
    return KIND_OWNERS.get(kind_of(path), OWNERS).get(obj, set())


def private_object(path, obj):
    """Whether the no-existence-oracle rule applies to this row: a commune's object (x, y) of a
    private kind, or an administrator's own object (any)."""
    kind = kind_of(path)
    if obj == "any":
        return kind in ADMIN_KINDS
    return obj in OWNERS and kind not in PUBLIC_KINDS | BEARER_KINDS


# Kinds whose existence is public (GET /api/v1/agencies and /api/v1/one-stop-units list them all,
# the kiosk and the waiting-room display name them): a 403 there tells nothing, so the oracle rule
# does not apply. A dossier's existence is private.
# Internal processes are read by any signed-in user (app/admin/processes.cpp find_process: the steps
# and their time budgets are what the control sheet and the public progress show anyway); only an
# administrator over the process's agency saves a new version.
PUBLIC_KINDS = {"unit", "agency", "process"}
# Tracking codes are bearer secrets: whoever holds the code is the sender (GET by code answers
# anyone), so a 409 on a real code tells nothing the holder does not already know. That a code
# cannot be guessed is another control (issue 18 point 4: feedback codes are 10 random
# characters; dossier codes are sequential today).
BEARER_KINDS = {"code", "feedback_code"}
# Objects of the whole province (catalog, calendar, settings): one row with a real value (`any`)
# and one with a missing value.
SHARED = {
    ("/api/v1/procedures/", "code"): "1.001193",
    ("/api/v1/calendar/years/", "year"): "2026",
    ("/api/v1/admin/second-factor-roles/", "role"): "leader",
    # Users of a third commune (Gia Vien), so that no cell changes the accounts the matrix uses.
    ("/api/v1/admin/users/", "id"): "u-chuyenvien.giavien",
}
# Every other path parameter: a value that names nothing (only the `missing` row), or for a
# second parameter after the object, a fixed harmless value.
SECOND = {"role": "processing", "agency_id": "commune-14464", "document": "receipt.pdf",
          "paper_id": "p_000000000000000000000000", "sha256": "0" * 64,
          "file": "services.json"}
MISSING_VALUE = {"dossier": "d_000000000000000000000000", "code": "000.14.29.H42-990101-9999",
                 "unit": "mc-00000", "agency": "commune-00000",
                 "feedback": "fb_AAAAAAAAAAAAAAAA", "stored_paper": "sp_AAAAAAAAAAAAAAAA",
                 "queue_service": "qs_AAAAAAAAAAAAAAAA", "queue_counter": "qc_AAAAAAAAAAAAAAAA",
                 "queue_ticket": "qt_AAAAAAAAAAAAAAAA", "feedback_code": "PA-AAAAAAAAAA"}
MISSING_DEFAULT = "zz-missing-0000"
OUTSIDE = {"agency": "province-92"}

# Required query parameters name commune X's desk and agency, so that the cell is about who may
# read X's books and not a 422 for a missing parameter.
QUERY = {"unit": "mc-14329", "unit_id": "mc-14329", "agency_id": "commune-14329",
         "from": "2026-12-01", "to": "2026-12-31", "state": "kiem-tra"}

METHODS = ("get", "put", "post", "patch", "delete")
HEADER = ["method", "path", "object"] + ROLE_NAMES + ["review"]


class Server:
    def __init__(self, binary):
        self.dir = tempfile.mkdtemp(prefix="motcua-authz-")
        db = os.path.join(self.dir, "authz.db")
        built = subprocess.run([binary, "demo", "--dossiers", "0", "--db", db], cwd=ROOT,
                               capture_output=True, text=True)
        if built.returncode != 0:
            raise RuntimeError("motcua demo failed: " + built.stderr)
        # Rate limits off: the matrix sends hundreds of requests from one address in a second; the
        # limits have tests of their own (abuse_limits_test.cpp).
        # A webhook key, so that the administrator can register a webhook; messages for
        # connections that are not configured (mail, SMS) kept in the outbox, where no worker
        # claims them, so that an outbox message exists and stays pending.
        # An online payment gateway (VNPAY 2.1.0) at a closed local port: starting a payment only
        # signs the redirect to it, so POST .../payments reaches its authorization; the querydr
        # reconciliation that would call the gateway fails quietly in the background.
        secret = os.path.join(self.dir, "payment.secret")
        with open(secret, "w") as f:
            f.write("authz-matrix-terminal-secret")
        os.chmod(secret, 0o600)
        self.proc = subprocess.Popen(
            [binary, "serve", "--db", db, "--listen", "127.0.0.1:0", "--threads", "2",
             "--payment-url", "http://127.0.0.1:9/paymentv2/vpcpay.html",
             "--payment-terminal", "AUTHZ001", "--payment-secret-file", secret,
             "--rate-limits", "off", "--uploads-dir", os.path.join(self.dir, "uploads"),
             "--webhook-key-file", os.path.join(self.dir, "webhook.key"),
             "--outbox-unconfigured", "keep",
             "--instance-id", INSTANCE_ID,
             "--instance-key", os.path.join(self.dir, "instance.key")],
            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        line = self.proc.stdout.readline()
        if not line:
            raise RuntimeError("server did not start")
        self.port = json.loads(line)["port"]

    def stop(self):
        self.proc.terminate()
        self.proc.wait(timeout=60)
        shutil.rmtree(self.dir, ignore_errors=True)


class Raw:
    """A request body sent as is (an uploaded paper), not as JSON."""

    def __init__(self, data, content_type):
        self.data = data
        self.content_type = content_type


def tiny_pdf():
    """A whole PDF by ISO 32000-1 7.5.5 (startxref points at the xref table), as the upload check
    wants; a few hundred bytes."""
    head = b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"
    xref = b"xref\n0 1\n0000000000 65535 f \ntrailer\n<< /Size 1 /Root 1 0 R >>\n"
    return head + xref + b"startxref\n" + str(len(head)).encode() + b"\n%%EOF\n"


PDF = Raw(tiny_pdf(), "application/pdf")

# This instance's id among partner instances (serve --instance-id), and the partner the matrix
# registers: its Ed25519 key pair comes from a fixed seed, so that the test can sign the partner's
# messages (with libsodium, which the server links too); a second public key (32 fixed bytes) is
# the one the matrix's key rotation adds.
INSTANCE_ID = "ninh-binh"
PARTNER_ID = "ha-nam"
PARTNER_SEED = b"motcua-authz-matrix-partner-seed"
NEXT_PARTNER_KEY = base64.b64encode(bytes(range(32))).decode()


class PartnerKey:
    """The partner instance's Ed25519 key, from PARTNER_SEED, through libsodium."""

    def __init__(self):
        self.lib = ctypes.CDLL(ctypes.util.find_library("sodium") or "libsodium.so.23")
        if self.lib.sodium_init() < 0:
            raise RuntimeError("libsodium failed to initialise")
        public, self.secret = ctypes.create_string_buffer(32), ctypes.create_string_buffer(64)
        self.lib.crypto_sign_seed_keypair(public, self.secret, PARTNER_SEED)
        self.public_b64 = base64.b64encode(public.raw).decode()

    def sign(self, message):
        signature = ctypes.create_string_buffer(64)
        self.lib.crypto_sign_detached(signature, None, message, ctypes.c_ulonglong(len(message)),
                                      self.secret)
        return base64.b64encode(signature.raw).decode()

# Request bodies that name the fixture's objects, where a made-up id would stop at a 404 before
# authorization is decided: keeping and reusing a paper always name A's (X's) objects, so that
# B and everyone else are asked to take what is not theirs.
BODIES = {
    ("POST", "/api/v1/my/papers"):
        lambda v, o: {"dossier_id": v["dossier"]["x"], "paper_id": v["paper"]["x"]},
    ("POST", "/api/v1/dossiers/{id}/papers/reuse"):
        lambda v, o: {"stored_paper_id": v["stored_paper"]["x"]},
    # A process saved back as it was read (its own side's), so that the administrator's cell shows
    # the write (a new version) rather than a 422 for a made-up definition.
    ("PUT", "/api/v1/processes/{id}"):
        lambda v, o: dict(v["process_document"].get(o, v["process_document"]["x"]),
                          reason="kiểm tra"),
    # Login takes no part in authorization; a body that fails decoding keeps the cells free of the
    # progressive login delays (a failed password would count, and its 429 would hang on timing).
    ("POST", "/api/v1/session"): lambda v, o: {},
    ("POST", "/api/v1/dossiers/{id}/papers"): lambda v, o: PDF,
    ("POST", "/api/v1/dossiers/{id}/result"): lambda v, o: PDF,
    # A ticket for the desk's own service (X's service on X's desk, and on a missing desk).
    ("POST", "/api/v1/queue/units/{unit}/tickets"):
        lambda v, o: {"service_id": v["queue_service"].get(o, v["queue_service"]["x"])},
    ("POST", "/api/v1/queue/units/{unit}/kiosk-tickets"):
        lambda v, o: {"service_id": v["queue_service"].get(o, v["queue_service"]["x"])},
    # Administrators' queue set-up on X's desk.
    ("POST", "/api/v1/admin/queue/services"):
        lambda v, o: {"unit_id": "mc-14329", "name": "Kiểm tra", "reason": "kiểm tra"},
    # A webhook that no cell of the matrix sets off (as make_webhook's), so that the
    # administrator's cell shows the write rather than a 422 for a made-up URL.
    ("POST", "/api/v1/admin/webhooks"):
        lambda v, o: {"url": "http://127.0.0.1:9/hook", "event_types": ["result_returned"],
                      "reason": "kiểm tra"},
    # A well-formed next key for the partner, so that the administrator's cell shows the write.
    ("POST", "/api/v1/admin/exchange/partners/{id}/keys"):
        lambda v, o: {"public_key": NEXT_PARTNER_KEY, "valid_from": "2027-01-01T00:00:00+07:00",
                      "reason": "kiểm tra"},
    ("POST", "/api/v1/admin/queue/counters"):
        lambda v, o: {"unit_id": "mc-14329", "number": 9, "service_ids": [v["queue_service"]["x"]],
                      "reason": "kiểm tra"},
}


# Optional query parameters without which a cell would stop at a 422: an uploaded paper's name.
EXTRA_QUERY = {("POST", "/api/v1/dossiers/{id}/papers"): "name=Gi%E1%BA%A5y%20t%E1%BB%9D"}


class Client:
    def __init__(self, port):
        self.port = port
        self.cookie = None
        self.csrf = None
        self.conn = None

    def call(self, method, target, body=None, content_type=None):
        headers = {}
        if self.cookie:
            headers["Cookie"] = self.cookie
        if self.csrf and method != "GET":
            headers["X-CSRF-Token"] = self.csrf
        data = None
        if isinstance(body, Raw):
            data = body.data
            headers["Content-Type"] = body.content_type
        elif body is not None:
            data = json.dumps(body).encode()
            headers["Content-Type"] = "application/json"
        for attempt in (0, 1):
            if self.conn is None:
                self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
            try:
                self.conn.request(method, target, body=data, headers=headers)
                r = self.conn.getresponse()
                raw = r.read()
                if r.getheader("Connection", "").lower() == "close":
                    self.conn.close()
                    self.conn = None
                return r.status, raw, r
            except (http.client.HTTPException, OSError):
                self.conn.close()
                self.conn = None
                if attempt:
                    raise

    def login(self, username):
        status, raw, r = self.call("POST", "/api/v1/session",
                                   {"username": username, "password": PASSWORD})
        if status != 200:
            raise RuntimeError(f"login {username}: {status} {raw[:200]}")
        self.cookie = r.getheader("Set-Cookie").split(";")[0]
        self.csrf = json.loads(raw)["csrf_token"]


def cell_of(status, raw):
    """A cell: the status, and the problem code when the answer is a problem document."""
    code = None
    try:
        doc = json.loads(raw)
        if isinstance(doc, dict) and isinstance(doc.get("code"), str) and status >= 400:
            code = doc["code"]
    except ValueError:
        pass
    return f"{status}:{code}" if code else str(status)


def matches(expected, observed):
    if re.fullmatch(r"[1-5]xx", expected):
        return observed[0] == expected[0]
    if ":" not in expected:
        return observed.split(":")[0] == expected
    return observed == expected


def example(schema, spec, depth=0, admin=False):
    """A small value that satisfies a schema's required fields, so that an authorized write gets
    past decoding and its answer is about authorization, not a 422."""
    if depth > 6 or not isinstance(schema, dict):
        return None
    if "$ref" in schema:
        name = schema["$ref"].split("/")[-1]
        return example(spec["components"]["schemas"].get(name, {}), spec, depth + 1, admin)
    for key in ("allOf", "oneOf", "anyOf"):
        if key in schema and schema[key]:
            return example(schema[key][0], spec, depth + 1, admin)
    if "enum" in schema:
        return schema["enum"][0]
    kind = schema.get("type")
    if isinstance(kind, list):
        kind = next((k for k in kind if k != "null"), "string")
    if kind == "object" or "properties" in schema:
        props = schema.get("properties", {})
        # Administrative changes want a reason (audit) even where the schema leaves it optional.
        # Not given to dossier commands: a reason would let `stop` close the dossier and change
        # every later cell on it.
        keys = list(schema.get("required", [])) + (["reason"] if admin and "reason" in props else [])
        return {k: example(props.get(k, {}), spec, depth + 1, admin) for k in dict.fromkeys(keys)}
    if kind == "array":
        return []
    if kind == "integer":
        return max(1, schema.get("minimum", 1))
    if kind == "number":
        return 1
    if kind == "boolean":
        return False
    if schema.get("format") == "date":
        return "2026-12-01"
    return "kiểm tra"


def operations(spec):
    ops = []
    for path, item in spec["paths"].items():
        for method in METHODS:
            if method in item:
                ops.append((method.upper(), path, item[method]))
    return ops


def query_of(op):
    names = [p["name"] for p in op.get("parameters", [])
             if isinstance(p, dict) and p.get("in") == "query" and p.get("required")]
    return "&".join(f"{n}={QUERY.get(n, 'kiem-tra')}" for n in names)


# A second path parameter that names a child of the object takes the same side's child: X's
# dossier with the paper uploaded to it (a foreign parent's child is then refused with the parent).
CHILD = {"paper_id": "paper", "sha256": "question_paper"}


def objects_of(path, values):
    """The object columns of an operation: [(object, concrete path)]."""
    params = re.findall(r"\{([^}]+)\}", path)
    if not params:
        return [("-", path)]
    owned = None
    for pattern, param, kind in OWNED:
        if pattern.search(path) and param in params:
            owned = (param, kind)
            break
    shared = next((v for (prefix, p), v in SHARED.items() if path.startswith(prefix + "{" + p + "}")),
                  None)

    def fill(first_value, side="missing"):
        out, first = path, True
        for p in params:
            if first:
                v = first_value
                first = False
            elif p in CHILD and side in ("x", "y"):
                v = values[CHILD[p]][side]
            else:
                v = SECOND.get(p, MISSING_DEFAULT)
            out = out.replace("{" + p + "}", v, 1)
        return out

    if owned and owned[1] in ADMIN_KINDS:
        return [("any", fill(values[owned[1]]["any"])), ("missing", fill(MISSING_DEFAULT))]
    if owned:
        kind = owned[1]
        out = [("x", fill(values[kind]["x"], "x")), ("y", fill(values[kind]["y"], "y")),
               ("missing", fill(MISSING_VALUE.get(kind, MISSING_DEFAULT)))]
        if kind in OUTSIDE:
            # An agency of another province: outside even the administrator's grant.
            out.append(("outside", fill(OUTSIDE[kind])))
        return out
    if shared:
        return [("any", fill(shared)), ("missing", fill(MISSING_DEFAULT))]
    return [("missing", fill(MISSING_DEFAULT))]


def order_key(op):
    method, path = op[0], op[1]
    # Reads before writes, so that what a write changes cannot alter a read's cell; logging out and
    # account changes last of all.
    last = path == "/api/v1/session" and method == "DELETE"
    return (last, method != "GET", method == "DELETE")


def expect(answer, status):
    got, raw, _ = answer
    if got != status:
        raise RuntimeError(f"fixture: expected {status}, got {got} {raw[:300]}")
    return json.loads(raw)


# The two sides of every fixture: the object's side, its applicant, its commune's number (desk
# mc-<n>, agency commune-<n>) and its reception, processing and leader roles.
SIDES = (("x", "applicant_a", "14329", "reception_x", "processing_x", "leader_x"),
         ("y", "applicant_b", "14362", "reception_y", "processing_y", "leader_y"))


def submit_dossier(c, place, procedure):
    """A draft at commune `place` with every mandatory paper of the first case uploaded (the
    catalog's), then submitted online: the dossier as answered, and its first paper's id."""
    d = expect(c.call("POST", "/api/v1/dossiers", {
        "procedure_code": "1.001193", "agency_id": "commune-" + place,
        "receiving_unit_id": "mc-" + place, "channel": "online", "submit": False}), 201)
    base = "/api/v1/dossiers/" + d["id"]
    first = None
    for item in procedure["document"]["cases"][0]["papers"]:
        if item.get("mandatory", True) and item.get("kind") != "present":
            up = expect(c.call("POST", f"{base}/papers?paper_id={item['id']}", PDF), 201)
            first = first or up["id"]
    return expect(c.call("POST", base + "/submit", {}), 200), first


def make_dossiers(clients, values, procedure):
    """Two fresh dossiers, submitted online: A's at commune X, B's at commune Y, each with its
    first paper also kept in its applicant's paper store."""
    dossiers, papers, stored = {}, {}, {}
    for obj, who, place, *_ in SIDES:
        c = clients[who]
        dossiers[obj], papers[obj] = submit_dossier(c, place, procedure)
        stored[obj] = expect(c.call("POST", "/api/v1/my/papers", {
            "dossier_id": dossiers[obj]["id"], "paper_id": papers[obj]}), 201)["id"]
    values["dossier"] = {o: d["id"] for o, d in dossiers.items()}
    values["code"] = {o: d["code"] for o, d in dossiers.items()}
    # Public tracking answers a code only with the secret printed on its receipt (issue 18
    # point 4); the applicant reads it on their dossier. Without it a real code answers as a
    # missing one (tests/integration: Officer.TrackingNeedsTheSecret...).
    values["tracking_secret"] = {
        obj: expect(clients[who].call("GET", f"/api/v1/dossiers/{dossiers[obj]['id']}"
                                             "/tracking-secret"), 200)["tracking_secret"]
        for obj, who, *_ in SIDES}
    values["paper"] = papers
    values["stored_paper"] = stored


def make_queues(clients, values):
    """Each desk's queue: one service, one counter, one ticket taken at the counter."""
    values.update(queue_service={}, queue_counter={}, queue_ticket={})
    for obj, _, place, reception, *_ in SIDES:
        unit = "mc-" + place
        service = expect(clients["administrator"].call("POST", "/api/v1/admin/queue/services", {
            "unit_id": unit, "name": "Hộ tịch", "reason": "authz matrix"}), 201)
        counter = expect(clients["administrator"].call("POST", "/api/v1/admin/queue/counters", {
            "unit_id": unit, "number": 1, "service_ids": [service["id"]],
            "reason": "authz matrix"}), 201)
        ticket = expect(clients[reception].call("POST", f"/api/v1/queue/units/{unit}/tickets", {
            "service_id": service["id"]}), 201)
        values["queue_service"][obj] = service["id"]
        values["queue_counter"][obj] = counter["id"]
        values["queue_ticket"][obj] = ticket["id"]


def make_feedback(clients, values):
    """Two pieces of feedback (petitions): A's about commune X, B's about commune Y."""
    feedback = {}
    for obj, who, place, *_ in SIDES:
        status, raw, _ = clients[who].call("POST", "/api/v1/feedback", {
            "name": who, "contact": "0912000009", "procedure_code": "1.001193",
            "agency_id": "commune-" + place, "content": "Kiểm tra phân quyền."})
        if status != 201:
            raise RuntimeError(f"feedback for {who}: {status} {raw[:300]}")
        feedback[obj] = json.loads(raw)
    values["feedback"] = {o: f["id"] for o, f in feedback.items()}
    values["feedback_code"] = {o: f["code"] for o, f in feedback.items()}


def make_consultations(clients, values, procedure):
    """One open consultation per side, on a dossier of its own (so that the dossiers above keep
    their state): accepted by the desk, assigned to the commune's processing official, who asks
    another agency. X's asks the Department of Justice, the matrix's department, which therefore
    answers it; Y's asks the Provincial Police, which no role of the matrix holds."""
    asked = {"x": "000.00.12.H42", "y": "000.00.15.H42"}
    values["consultation"] = {}
    for obj, who, place, reception, processing, _ in SIDES:
        d, _ = submit_dossier(clients[who], place, procedure)
        base = "/api/v1/dossiers/" + d["id"]
        expect(clients[reception].call("POST", base + "/accept", {}), 200)
        expect(clients[reception].call("POST", base + "/assign", {
            "official_id": "u-" + dict(ROLES)[processing]}), 200)
        d = expect(clients[processing].call("POST", base + "/consult", {
            "agency_code": asked[obj], "question": "Xác minh nhân thân người yêu cầu."}), 200)
        values["consultation"][obj] = d["consultations"][0]["id"]


def make_payments(clients, values, procedure):
    """One fee paid at the counter per side, then refunded: on a dossier of its own, accepted by
    the desk, the fee asked by the processing official, paid in cash at the counter (a payment row
    and a receipt), then stopped by the desk with a reason, which opens a refund of the paid fee
    to be handed back at the counter. The online gateway is not configured (its payment rows are
    made by `POST .../payments`, which answers 422 payment_gateway_off here)."""
    values.update(payment={}, refund={})
    for obj, who, place, reception, processing, _ in SIDES:
        d, _ = submit_dossier(clients[who], place, procedure)
        base = "/api/v1/dossiers/" + d["id"]
        expect(clients[reception].call("POST", base + "/accept", {}), 200)
        expect(clients[processing].call("POST", base + "/request-payment", {
            "amount": 50000, "description": "Lệ phí"}), 200)
        receipt = expect(clients[reception].call("POST", base + "/counter-payments", {
            "method": "cash", "amount_vnd": 50000}), 201)
        values["payment"][obj] = receipt["payment_id"]
        stop = {"reason": "Người yêu cầu rút."}
        expect(clients[reception].call("POST", base + "/stop", stop), 200)
        refunds = expect(clients[reception].call("GET", base + "/refunds"), 200)
        values["refund"][obj] = refunds[0]["id"]


def make_processes(clients, values):
    """The internal process of commune X's agency and of commune Y's, as the demo set them up:
    their ids, and each definition as read, to be saved back unchanged."""
    values.update(process={}, process_document={})
    for obj, agency in (("x", "commune-14329"), ("y", "commune-14362")):
        listed = expect(clients["administrator"].call("GET", "/api/v1/processes?agency=" + agency),
                        200)
        items = listed["processes"] if isinstance(listed, dict) else listed
        if not items:
            raise RuntimeError("fixture: no process at " + agency)
        pid = items[0]["id"]
        values["process"][obj] = pid
        values["process_document"][obj] = expect(
            clients["administrator"].call("GET", "/api/v1/processes/" + pid), 200)


def make_webhook(clients, values):
    """A webhook subscription registered by the administrator (the server has a webhook key
    file). It wants an event no cell causes (no result is handed over: no dossier of the matrix
    is approved), so no delivery of it is attempted and its cells cannot depend on one."""
    hook = expect(clients["administrator"].call("POST", "/api/v1/admin/webhooks", {
        "url": "http://127.0.0.1:9/hook", "event_types": ["result_returned"],
        "reason": "authz matrix"}), 201)
    values["webhook"] = {"any": str(hook["id"])}


def make_partner(clients, values, key):
    """A partner instance registered by the administrator, with one public key. Its base URL is a
    closed local port: an answer sent back to it fails at once, in the background."""
    partner = expect(clients["administrator"].call("POST", "/api/v1/admin/exchange/partners", {
        "id": PARTNER_ID, "name": "Hà Nam", "base_url": "http://127.0.0.1:9/",
        "agency_codes": ["000.00.00.H40"],
        "keys": [{"public_key": key.public_b64, "valid_from": "2026-01-01T00:00:00+07:00"}],
        "reason": "authz matrix"}), 201)
    values["partner"] = {"any": partner["id"]}


def make_exchange_questions(clients, values, key):
    """One question per side from the partner instance, signed with its key and sent as it would
    send it (POST /api/v1/exchange/messages, no session): addressed to commune X's agency and to
    commune Y's, each with one paper. The receipt's reference is the question's id; the paper's
    SHA-256 names it under the question."""
    codes = {"x": "000.14.29.H42", "y": "000.14.62.H42"}
    numbers = {"x": "0001", "y": "0002"}  # the partner's own dossier codes, for the record
    sha = hashlib.sha256(PDF.data).hexdigest()
    values.update(exchange_question={}, question_paper={})
    for obj, *_ in SIDES:
        body = json.dumps({
            "parent_id": "hn-" + obj, "parent_code": "000.00.00.H40-261201-" + numbers[obj],
            "procedure_name": "Đăng ký khai sinh", "agency_code": codes[obj],
            "question": "Xác nhận nơi cư trú của người yêu cầu.", "due_at": "",
            "papers": [{"name": "Tờ khai", "file_name": "to-khai.pdf",
                        "content_type": "application/pdf", "sha256": sha, "size": len(PDF.data),
                        "content_b64": base64.b64encode(PDF.data).decode()}]},
            ensure_ascii=False)
        sent_at = datetime.datetime.now(datetime.timezone(datetime.timedelta(hours=7)))
        envelope = {"message_id": "authz-question-" + obj, "from": PARTNER_ID, "to": INSTANCE_ID,
                    "kind": "consultation_question",
                    "sent_at": sent_at.isoformat(timespec="seconds"), "body": body}
        canonical = "motcua-exchange-v1\n" + "".join(
            envelope[f] + "\n" for f in ("message_id", "from", "to", "kind", "sent_at")) + body
        envelope["signature"] = key.sign(canonical.encode())
        receipt = expect(clients["anonymous"].call("POST", "/api/v1/exchange/messages", envelope),
                         200)
        values["exchange_question"][obj] = json.loads(receipt["body"])["reference"]
        values["question_paper"][obj] = sha


def make_open311_key(clients, values):
    """An Open311 API key issued by the administrator."""
    key = expect(clients["administrator"].call("POST", "/api/v1/admin/open311/keys", {
        "label": "authz matrix"}), 201)
    values["open311_key"] = {"any": key["id"]}


def pick_outbox_message(clients, values):
    """An outbox message: the server keeps messages for connections that are not configured
    (--outbox-unconfigured keep), so the dossiers' notices by mail wait, pending, and no worker
    ever claims them. Any of them answers alike; the oldest is taken."""
    listed = expect(clients["administrator"].call("GET", "/api/v1/admin/outbox/messages"), 200)
    mail = [m for m in listed["messages"] if m["topic"] == "mail" and m["state"] == "pending"]
    if not mail:
        raise RuntimeError("fixture: no pending mail message in the outbox")
    values["outbox_message"] = {"any": str(mail[-1]["id"])}


def run_matrix(binary):
    spec = json.load(open(OPENAPI))
    server = Server(binary)
    try:
        clients = {}
        for name, user in ROLES:
            c = Client(server.port)
            if user:
                c.login(user)
            clients[name] = c
        values = {"unit": {"x": "mc-14329", "y": "mc-14362"},
                  "agency": {"x": "commune-14329", "y": "commune-14362"}}
        procedure = expect(clients["anonymous"].call("GET", "/api/v1/procedures/1.001193"), 200)
        make_dossiers(clients, values, procedure)
        make_queues(clients, values)
        make_feedback(clients, values)
        make_consultations(clients, values, procedure)
        make_payments(clients, values, procedure)
        make_processes(clients, values)
        make_webhook(clients, values)
        partner_key = PartnerKey()
        make_partner(clients, values, partner_key)
        make_exchange_questions(clients, values, partner_key)
        make_open311_key(clients, values)
        pick_outbox_message(clients, values)

        observed = {}
        ops = sorted(operations(spec), key=order_key)
        for method, path, op in ops:
            body = None
            if method in ("POST", "PUT", "PATCH") and (method, path) not in BODIES:
                content = op.get("requestBody", {}).get("content", {})
                schema = content.get("application/json", {}).get("schema")
                body = example(schema, spec, admin=path.startswith("/api/v1/admin/")) if schema else {}
                if body is None:
                    body = {}
            query = "&".join(q for q in (query_of(op), EXTRA_QUERY.get((method, path), "")) if q)
            for obj, target in objects_of(path, values):
                if (method, path) in BODIES:
                    body = BODIES[(method, path)](values, obj)
                side_query = query
                if path.startswith("/api/v1/track/{code}") and obj in ("x", "y"):
                    side_query = "&".join(
                        q for q in (query, "secret=" + values["tracking_secret"][obj]) if q)
                if side_query:
                    target += "?" + side_query
                # Outsiders first, the object's owners last: a write that succeeds for an owner
                # then cannot turn an outsider's 403 into a 409.
                owners = owners_of(path, obj)
                row = {}
                for name in sorted(ROLE_NAMES, key=lambda n: (n in owners, ROLE_NAMES.index(n))):
                    status, raw, _ = clients[name].call(method, target, body)
                    row[name] = cell_of(status, raw)
                observed[(method, path, obj)] = row
        return ops, observed
    finally:
        server.stop()


def read_table():
    rows = {}
    if not os.path.exists(MATRIX):
        return rows
    with open(MATRIX, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            cols = line.rstrip("\n").split("\t")
            if cols[0] == "method":
                if cols != HEADER:
                    raise RuntimeError("matrix.tsv: the header differs from " + "\t".join(HEADER))
                continue
            rows[(cols[0], cols[1], cols[2])] = dict(zip(HEADER[3:], cols[3:]))
    return rows


TABLE_NOTE = """# The authorization matrix (issue 18 point 3; docs/security.md "Authorization matrix").
# One row per OpenAPI operation and object: x = A's dossier / commune X's object, y = B's / commune
# Y's, missing = an id that names nothing, any = a shared object (catalog, calendar) or one of the
# administrator's own (webhook, partner, outbox message, Open311 key), - = no id.
# A cell is the status and the problem code (403:forbidden), a bare status (any code) or a class
# (2xx). Rows marked TODO in the last column were written by `authz_matrix.py generate` from the
# observed answers: review each cell, then clear the mark. tests/authz/authz_matrix.py checks it.
"""


def write_table(rows, order):
    with open(MATRIX, "w", encoding="utf-8") as f:
        f.write(TABLE_NOTE)
        f.write("\t".join(HEADER) + "\n")
        for key in order:
            if key in rows:
                r = rows[key]
                f.write("\t".join(list(key) + [r[n] for n in ROLE_NAMES] + [r.get("review", "")])
                        + "\n")


def kind_of(path):
    return next((kind for pattern, _, kind in OWNED if pattern.search(path)), None)


def oracle_failures(observed):
    """A foreign object must answer exactly as a missing one when it is refused."""
    out = []
    for (method, path, obj), row in observed.items():
        if not private_object(path, obj):
            continue
        missing = observed.get((method, path, "missing"))
        for name in ROLE_NAMES:
            if name in owners_of(path, obj) or row[name].startswith("2"):
                continue
            if row[name] != missing[name]:
                out.append(f"oracle: {method} {path} as {name}: {obj}'s object answers {row[name]}, "
                           f"a missing one {missing[name]}")
    return out


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=os.path.join(ROOT, "build", "motcua"))
    parser.add_argument("mode", choices=["check", "generate"], nargs="?", default="check")
    args = parser.parse_args()

    ops, observed = run_matrix(os.path.abspath(args.binary))
    table = read_table()
    spec_order = []
    for method, path, _ in operations(json.load(open(OPENAPI))):
        spec_order += [k for k in observed if k[0] == method and k[1] == path]
    failures = []
    if args.mode == "generate":
        added = 0
        for key in spec_order:
            if key not in table:
                table[key] = dict(observed[key], review="TODO")
                added += 1
        stale = [k for k in table if k not in observed]
        for k in stale:
            del table[k]
        write_table(table, spec_order)
        print(f"authz matrix: {added} rows added (TODO), {len(stale)} stale rows removed")
    for key in spec_order:
        if key not in table:
            failures.append(f"missing from matrix.tsv: {' '.join(key)} (run generate)")
            continue
        expected = table[key]
        if expected.get("review"):
            failures.append(f"not reviewed: {' '.join(key)} is marked {expected['review']}")
        for name in ROLE_NAMES:
            if not matches(expected[name], observed[key][name]):
                failures.append(f"differs: {' '.join(key)} as {name}: expected {expected[name]}, "
                                f"got {observed[key][name]}")
    for key in table:
        if key not in observed:
            failures.append(f"not in the OpenAPI document: {' '.join(key)}")
    failures += oracle_failures(observed)
    if args.mode == "generate":
        # For the reviewer: every success on a foreign private object (a hole, unless public).
        for (method, path, obj), row in observed.items():
            if private_object(path, obj):
                for name in ROLE_NAMES:
                    if name not in owners_of(path, obj) and row[name].startswith("2"):
                        print(f"review: {method} {path} as {name} on {obj}'s object: {row[name]}")
    cells = len(observed) * len(ROLE_NAMES)
    print(f"authz matrix: {len(ops)} operations, {len(observed)} rows x {len(ROLE_NAMES)} roles = "
          f"{cells} cells")
    for f in failures:
        print(f)
    return 1 if failures and args.mode == "check" else 0


if __name__ == "__main__":
    sys.exit(main())
