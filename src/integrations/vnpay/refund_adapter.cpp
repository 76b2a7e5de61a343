#include "integrations/vnpay/refund_adapter.hpp"

#include <sodium.h>

#include <boost/json.hpp>
#include <chrono>
#include <random>

#include "app/payments/vnpay_protocol.hpp"
#include "integrations/http/http_client.hpp"

namespace motcua::integrations {

namespace json = boost::json;
using app::delivery::DeliveryOutcome;
using app::delivery::DeliveryResult;

namespace {

std::string field(const json::object& o, const char* name) {
  const auto* v = o.if_contains(name);
  if (!v) return {};
  if (v->is_string()) return std::string(v->as_string());
  if (v->is_int64()) return std::to_string(v->as_int64());
  return {};
}

std::string joined(const json::object& o, std::initializer_list<const char*> names) {
  std::string out;
  for (const char* name : names) out += (out.empty() ? "" : "|") + field(o, name);
  return out;
}

std::string request_id() {
  static thread_local std::mt19937_64 rng{std::random_device{}()};
  static constexpr char kHex[] = "0123456789abcdef";
  std::string id;
  for (int i = 0; i < 32; ++i) id.push_back(kHex[rng() & 15]);
  return id;
}

Instant system_now() {
  return Instant{std::chrono::duration_cast<std::chrono::seconds>(
                     std::chrono::system_clock::now().time_since_epoch())
                     .count()};
}

}  // namespace

DeliveryResult VnpayRefundAdapter::deliver(const app::delivery::OutgoingMessage& message) {
  boost::system::error_code ec;
  const auto payload = json::parse(message.payload, ec);
  if (ec || !payload.is_object()) return {DeliveryOutcome::dead, "", "payload is not JSON"};
  const auto& p = payload.as_object();
  const auto* amount = p.if_contains("amount_vnd");
  if (amount == nullptr || !amount->is_int64()) {
    return {DeliveryOutcome::dead, "", "payload has no amount_vnd"};
  }
  json::object req{{"vnp_RequestId", request_id()},
                   {"vnp_Version", "2.1.0"},
                   {"vnp_Command", "refund"},
                   {"vnp_TmnCode", gateway_.terminal},
                   {"vnp_TransactionType", "02"},  // full refund
                   {"vnp_TxnRef", field(p, "txn_ref")},
                   {"vnp_Amount", app::payments::vnpay_amount(amount->as_int64())},
                   {"vnp_TransactionNo", field(p, "gateway_txn_no")},
                   {"vnp_TransactionDate", field(p, "transaction_date")},
                   {"vnp_CreateBy", "motcua"},
                   {"vnp_CreateDate", app::payments::vnpay_time(system_now())},
                   {"vnp_IpAddr", "127.0.0.1"},
                   {"vnp_OrderInfo", field(p, "order_info")}};
  req["vnp_SecureHash"] = app::payments::hmac_sha512_hex(
      gateway_.secret, joined(req, {"vnp_RequestId", "vnp_Version", "vnp_Command", "vnp_TmnCode",
                                    "vnp_TransactionType", "vnp_TxnRef", "vnp_Amount",
                                    "vnp_TransactionNo", "vnp_TransactionDate", "vnp_CreateBy",
                                    "vnp_CreateDate", "vnp_IpAddr", "vnp_OrderInfo"}));
  HttpRequest request;
  request.url = gateway_.api_url;
  request.headers = {{"Content-Type", "application/json"}};
  request.body = json::serialize(req);
  const auto answer = http_send(request);
  if (answer.status != 200) {
    return {DeliveryOutcome::retry, "",
            answer.status == 0 ? "no answer: " + answer.error
                               : "HTTP " + std::to_string(answer.status)};
  }
  const auto parsed = json::parse(answer.body, ec);
  if (ec || !parsed.is_object()) return {DeliveryOutcome::retry, "", "answer is not JSON"};
  const auto& o = parsed.as_object();
  const std::string expected = app::payments::hmac_sha512_hex(
      gateway_.secret,
      joined(o, {"vnp_ResponseId", "vnp_Command", "vnp_ResponseCode", "vnp_Message", "vnp_TmnCode",
                 "vnp_TxnRef", "vnp_Amount", "vnp_BankCode", "vnp_PayDate", "vnp_TransactionNo",
                 "vnp_TransactionType", "vnp_TransactionStatus", "vnp_OrderInfo"}));
  std::string sent = field(o, "vnp_SecureHash");
  for (auto& c : sent) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (sent.size() != expected.size() ||
      sodium_memcmp(sent.data(), expected.data(), expected.size()) != 0) {
    return {DeliveryOutcome::retry, "", "answer's signature does not match"};
  }
  const std::string code = field(o, "vnp_ResponseCode");
  const std::string said = "VNPAY " + code + ": " + field(o, "vnp_Message");
  if (code == "00" || code == "94") {
    return {DeliveryOutcome::delivered, field(o, "vnp_TransactionNo"), ""};
  }
  if (code == "97" || code == "99") return {DeliveryOutcome::retry, "", said};
  return {DeliveryOutcome::dead, "", said};
}

}  // namespace motcua::integrations
