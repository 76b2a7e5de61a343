"""Emulator of the VNPAY 2.1.0 payment gateway (an EMULATOR for the demo and the tests, not VNPAY):
the merchant protocol as VNPAY's integration guide publishes it (sandbox.vnpayment.vn/apis/docs/
huong-dan-tich-hop/ and thanh-toan-pay/pay.html; querydr: .../truy-van-hoan-tien/querydr&refund.html).
docs/integrations.md "Online fee payment" says what is emulated.

  GET  /paymentv2/vpcpay.html?<signed pay request>   the pay page: amount, order, "Thanh toán" / "Hủy"
  GET  /paymentv2/pay?ref=TXNREF&ok=1|0              the citizen's choice: the gateway calls the
                                                     merchant's IPN, then sends the browser to
                                                     vnp_ReturnUrl (an HTML redirect)
  POST /merchant_webapi/api/transaction              querydr and refund (JSON, signed with '|'-joined
                                                     fields; vnp_Command says which)
  POST /_configure {"ipn_url", "secret", "terminal"} what VNPAY knows of the merchant (set at sign-up)
  POST /_scenario  {"scenario": ...}                 how the next payments go:
       ok              IPN, then the browser returns
       no_return       IPN, then the browser never returns (opencps#947: the citizen closed it)
       repeat_ipn      the IPN twice (VNPAY repeats until it reads RspCode 00 or 02)
       forged          the IPN signed with a wrong key
       wrong_amount    the IPN says 1 000 VND more than was asked
       return_first    the browser returns first; the IPN follows 1.5 s later
  POST /_scenario  {"refund": "ok" | "refuse"}       how the next refunds go: refunded, or refused
                                                     with code 95 (the bank declined)
  GET  /_ipn           every IPN sent and MotCua's answer: [{"query", "status", "answer"}]
  GET  /_refunds       every refund request taken: [{request fields..., "answer_code"}]
The base's /_control modes ("slow", "hang", "error500") apply to querydr: a gateway that times out.
"""

import hashlib
import hmac
import html
import json
import random
import sys
import threading
import time
import urllib.parse
import urllib.request

from partner import Partner, serve


def form_encode(text):
    # PHP urlencode, as VNPAY's samples sign with: space as '+', '~' encoded too.
    return urllib.parse.quote_plus(text, safe="").replace("~", "%7E")


def hash_data(params):
    return "&".join(form_encode(k) + "=" + form_encode(v) for k, v in sorted(params.items())
                    if k.startswith("vnp_") and k not in ("vnp_SecureHash", "vnp_SecureHashType")
                    and v != "")


def sign(secret, text):
    return hmac.new(secret.encode(), text.encode(), hashlib.sha512).hexdigest()


def vn_now():
    return time.strftime("%Y%m%d%H%M%S", time.gmtime(time.time() + 7 * 3600))


class Vnpay(Partner):
    name = "vnpay"

    def __init__(self):
        super().__init__()
        self.ipn_url = ""
        self.secret = ""
        self.terminal = ""
        self.scenario = "ok"
        self.orders = {}  # vnp_TxnRef -> the pay request's params, plus "result"
        self.ipn_log = []
        self.refund_mode = "ok"
        self.refund_log = []
        self.routes[("POST", "/merchant_webapi/api/transaction")] = self.querydr

    # --- what the browser sees ----------------------------------------------------------------
    def handle(self, method, path, headers, body):
        parsed = urllib.parse.urlsplit(path)
        query = dict(urllib.parse.parse_qsl(parsed.query, keep_blank_values=True))
        if method == "POST" and parsed.path == "/_configure":
            req = json.loads(body or b"{}")
            with self.lock:
                self.ipn_url = req.get("ipn_url", self.ipn_url)
                self.secret = req.get("secret", self.secret)
                self.terminal = req.get("terminal", self.terminal)
            return 200, b'{"ok":true}', "application/json"
        if method == "POST" and parsed.path == "/_scenario":
            req = json.loads(body or b"{}")
            with self.lock:
                if "scenario" in req or "refund" not in req:
                    self.scenario = req.get("scenario", "ok")
                self.refund_mode = req.get("refund", self.refund_mode)
            return 200, b'{"ok":true}', "application/json"
        if method == "GET" and parsed.path == "/_refunds":
            with self.lock:
                return 200, json.dumps(self.refund_log, ensure_ascii=False).encode(), "application/json"
        if method == "GET" and parsed.path == "/_ipn":
            with self.lock:
                return 200, json.dumps(self.ipn_log, ensure_ascii=False).encode(), "application/json"
        if method == "GET" and parsed.path == "/paymentv2/vpcpay.html":
            return self.pay_page(query)
        if method == "GET" and parsed.path == "/paymentv2/pay":
            return self.pay(query)
        return super().handle(method, path, headers, body)

    def page(self, status, title, inner):
        text = ("<!doctype html><html lang='vi'><head><meta charset='utf-8'><title>%s</title></head>"
                "<body><h1>VNPAY (giả lập / emulator)</h1>%s</body></html>" % (title, inner))
        return status, text.encode(), "text/html; charset=utf-8"

    def pay_page(self, q):
        if sign(self.secret, hash_data(q)) != q.get("vnp_SecureHash", "").lower():
            return self.page(400, "Sai chữ ký", "<p id='error'>Sai chữ ký / invalid signature (code 70)</p>")
        if q.get("vnp_TmnCode") != self.terminal or q.get("vnp_Version") != "2.1.0":
            return self.page(400, "Sai mã website", "<p id='error'>Sai mã website / terminal</p>")
        ref = q["vnp_TxnRef"]
        with self.lock:
            self.orders.setdefault(ref, dict(q))
        amount = int(q["vnp_Amount"]) // 100
        inner = ("<p>Đơn hàng / order: <b id='order'>%s</b></p>"
                 "<p>Số tiền / amount: <b id='amount'>%s VND</b></p>"
                 "<p id='info'>%s</p>"
                 "<a id='pay' href='/paymentv2/pay?ref=%s&amp;ok=1'><button>Thanh toán</button></a> "
                 "<a id='cancel' href='/paymentv2/pay?ref=%s&amp;ok=0'><button>Hủy</button></a>"
                 % (html.escape(ref), "{:,}".format(amount).replace(",", "."),
                    html.escape(q.get("vnp_OrderInfo", "")), urllib.parse.quote(ref),
                    urllib.parse.quote(ref)))
        return self.page(200, "Thanh toán", inner)

    def result_params(self, order, ok, scenario):
        amount = int(order["vnp_Amount"]) + (100000 if scenario == "wrong_amount" else 0)
        with self.lock:
            if "result" not in order:
                order["result"] = {
                    "vnp_TransactionNo": str(random.randint(10000000, 99999999)),
                    "vnp_PayDate": vn_now(),
                    "vnp_ResponseCode": "00" if ok else "24",
                    "vnp_TransactionStatus": "00" if ok else "02",
                }
            result = order["result"]
        params = {
            "vnp_Amount": str(amount), "vnp_BankCode": "NCB", "vnp_CardType": "ATM",
            "vnp_OrderInfo": order.get("vnp_OrderInfo", ""), "vnp_TmnCode": order["vnp_TmnCode"],
            "vnp_TxnRef": order["vnp_TxnRef"], **result,
        }
        if ok:
            params["vnp_BankTranNo"] = "VNP" + result["vnp_TransactionNo"]
        key = self.secret + "-forged" if scenario == "forged" else self.secret
        return params, hash_data(params) + "&vnp_SecureHash=" + sign(key, hash_data(params))

    def send_ipn(self, query):
        try:
            with urllib.request.urlopen(self.ipn_url + "?" + query, timeout=10) as r:
                entry = {"query": query, "status": r.status, "answer": json.loads(r.read())}
        except Exception as e:  # recorded for the tests, as VNPAY's merchant portal shows it
            entry = {"query": query, "status": 0, "answer": str(e)}
        with self.lock:
            self.ipn_log.append(entry)

    def pay(self, q):
        with self.lock:
            order = self.orders.get(q.get("ref", ""))
            scenario = self.scenario
        if order is None:
            return self.page(404, "Không tìm thấy", "<p id='error'>Không tìm thấy giao dịch</p>")
        ok = q.get("ok") == "1"
        _, query = self.result_params(order, ok, scenario)
        back = order["vnp_ReturnUrl"] + ("&" if "?" in order["vnp_ReturnUrl"] else "?") + query
        if scenario == "return_first":
            threading.Timer(1.5, self.send_ipn, args=(query,)).start()
        else:
            self.send_ipn(query)
            if scenario == "repeat_ipn":
                self.send_ipn(query)
        if scenario == "no_return":
            return self.page(200, "Hoàn tất", "<p id='done'>Giao dịch đã xử lý; trình duyệt đã đóng."
                             " / Done; the browser was closed.</p>")
        return self.page(200, "Chuyển về", "<meta http-equiv='refresh' content='0;url=%s'>"
                         "<p><a id='back' href='%s'>Quay lại / back</a></p>"
                         % (html.escape(back, quote=True), html.escape(back, quote=True)))

    # --- querydr ------------------------------------------------------------------------------
    def querydr(self, path, headers, body):
        req = json.loads(body or b"{}")
        if req.get("vnp_Command") == "refund":
            return self.refund(req)
        fields = ["vnp_RequestId", "vnp_Version", "vnp_Command", "vnp_TmnCode", "vnp_TxnRef",
                  "vnp_TransactionDate", "vnp_CreateDate", "vnp_IpAddr", "vnp_OrderInfo"]
        data = "|".join(str(req.get(f, "")) for f in fields)
        answer = {"vnp_ResponseId": "%032x" % random.getrandbits(128), "vnp_Command": "querydr",
                  "vnp_TmnCode": self.terminal, "vnp_TxnRef": req.get("vnp_TxnRef", "")}
        if sign(self.secret, data) != str(req.get("vnp_SecureHash", "")).lower():
            answer.update({"vnp_ResponseCode": "97", "vnp_Message": "Invalid Checksum"})
        else:
            with self.lock:
                order = self.orders.get(req.get("vnp_TxnRef", ""))
            if order is None:
                answer.update({"vnp_ResponseCode": "91", "vnp_Message": "Not found"})
            else:
                result = order.get("result", {})
                answer.update({
                    "vnp_ResponseCode": "00", "vnp_Message": "QueryDR Success",
                    "vnp_Amount": order["vnp_Amount"], "vnp_BankCode": "NCB",
                    "vnp_PayDate": result.get("vnp_PayDate", ""),
                    "vnp_TransactionNo": result.get("vnp_TransactionNo", ""),
                    "vnp_TransactionType": "01",
                    # 01: not finished (the citizen never paid); otherwise the payment's status.
                    "vnp_TransactionStatus": result.get("vnp_TransactionStatus", "01"),
                    "vnp_OrderInfo": order.get("vnp_OrderInfo", ""),
                })
        out_fields = ["vnp_ResponseId", "vnp_Command", "vnp_ResponseCode", "vnp_Message",
                      "vnp_TmnCode", "vnp_TxnRef", "vnp_Amount", "vnp_BankCode", "vnp_PayDate",
                      "vnp_TransactionNo", "vnp_TransactionType", "vnp_TransactionStatus",
                      "vnp_OrderInfo", "vnp_PromotionCode", "vnp_PromotionAmount"]
        answer["vnp_SecureHash"] = sign(self.secret,
                                        "|".join(str(answer.get(f, "")) for f in out_fields))
        return 200, answer

    # --- refund -------------------------------------------------------------------------------
    def refund(self, req):
        fields = ["vnp_RequestId", "vnp_Version", "vnp_Command", "vnp_TmnCode",
                  "vnp_TransactionType", "vnp_TxnRef", "vnp_Amount", "vnp_TransactionNo",
                  "vnp_TransactionDate", "vnp_CreateBy", "vnp_CreateDate", "vnp_IpAddr",
                  "vnp_OrderInfo"]
        data = "|".join(str(req.get(f, "")) for f in fields)
        answer = {"vnp_ResponseId": "%032x" % random.getrandbits(128), "vnp_Command": "refund",
                  "vnp_TmnCode": self.terminal, "vnp_TxnRef": req.get("vnp_TxnRef", ""),
                  "vnp_Amount": req.get("vnp_Amount", ""),
                  "vnp_TransactionType": req.get("vnp_TransactionType", ""),
                  "vnp_OrderInfo": req.get("vnp_OrderInfo", "")}
        with self.lock:
            order = self.orders.get(req.get("vnp_TxnRef", ""))
            mode = self.refund_mode
        paid = order is not None and order.get("result", {}).get("vnp_ResponseCode") == "00"
        if sign(self.secret, data) != str(req.get("vnp_SecureHash", "")).lower():
            answer.update({"vnp_ResponseCode": "97", "vnp_Message": "Invalid Checksum"})
        elif not paid:
            answer.update({"vnp_ResponseCode": "91", "vnp_Message": "Transaction not found"})
        elif req.get("vnp_Amount") != order["vnp_Amount"] or req.get("vnp_TransactionType") != "02":
            answer.update({"vnp_ResponseCode": "03", "vnp_Message": "Invalid amount"})
        elif mode == "refuse":
            answer.update({"vnp_ResponseCode": "95", "vnp_Message": "Refund declined by the bank"})
        else:
            answer.update({"vnp_ResponseCode": "00", "vnp_Message": "Refund success",
                           "vnp_BankCode": "NCB", "vnp_PayDate": vn_now(),
                           "vnp_TransactionNo": str(random.randint(10000000, 99999999)),
                           "vnp_TransactionStatus": "05"})
        out_fields = ["vnp_ResponseId", "vnp_Command", "vnp_ResponseCode", "vnp_Message",
                      "vnp_TmnCode", "vnp_TxnRef", "vnp_Amount", "vnp_BankCode", "vnp_PayDate",
                      "vnp_TransactionNo", "vnp_TransactionType", "vnp_TransactionStatus",
                      "vnp_OrderInfo"]
        answer["vnp_SecureHash"] = sign(self.secret,
                                        "|".join(str(answer.get(f, "")) for f in out_fields))
        with self.lock:
            self.refund_log.append(dict(req, answer_code=answer["vnp_ResponseCode"]))
        return 200, answer


if __name__ == "__main__":
    sys.exit(serve(Vnpay()))
