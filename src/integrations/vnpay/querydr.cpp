#include "integrations/vnpay/querydr.hpp"

#include <sodium.h>

#include <boost/json.hpp>
#include <random>

#include "codec/iso_time.hpp"
#include "integrations/http/http_client.hpp"

namespace motcua::integrations {

namespace json = boost::json;
using app::payments::hmac_sha512_hex;

namespace {

std::string field(const json::object& o, const char* name) {
  const auto* v = o.if_contains(name);
  if (!v) return {};
  if (v->is_string()) return std::string(v->as_string());
  if (v->is_int64()) return std::to_string(v->as_int64());
  return {};
}

std::string request_id() {
  static thread_local std::mt19937_64 rng{std::random_device{}()};
  static constexpr char kHex[] = "0123456789abcdef";
  std::string id;
  for (int i = 0; i < 32; ++i) id.push_back(kHex[rng() & 15]);
  return id;
}

}  // namespace

app::payments::GatewayRecord vnpay_querydr(const app::payments::GatewaySettings& gateway,
                                           const store::PaymentRow& payment, Instant now,
                                           int utc_offset_minutes) {
  app::payments::GatewayRecord out;
  const auto created = codec::parse_iso_instant(payment.created_at, utc_offset_minutes);
  json::object req{{"vnp_RequestId", request_id()},
                   {"vnp_Version", "2.1.0"},
                   {"vnp_Command", "querydr"},
                   {"vnp_TmnCode", gateway.terminal},
                   {"vnp_TxnRef", payment.txn_ref},
                   {"vnp_OrderInfo", "Doi soat giao dich " + payment.txn_ref},
                   {"vnp_TransactionDate", app::payments::vnpay_time(created.value_or(now))},
                   {"vnp_CreateDate", app::payments::vnpay_time(now)},
                   {"vnp_IpAddr", "127.0.0.1"}};
  std::string data;
  for (const char* name :
       {"vnp_RequestId", "vnp_Version", "vnp_Command", "vnp_TmnCode", "vnp_TxnRef",
        "vnp_TransactionDate", "vnp_CreateDate", "vnp_IpAddr", "vnp_OrderInfo"}) {
    data += (data.empty() ? "" : "|") + field(req, name);
  }
  req["vnp_SecureHash"] = hmac_sha512_hex(gateway.secret, data);
  HttpRequest request;
  request.url = gateway.api_url;
  request.headers = {{"Content-Type", "application/json"}};
  request.body = json::serialize(req);
  const auto answer = http_send(request);
  if (answer.status != 200) {
    out.error =
        answer.status == 0 ? "no answer: " + answer.error : "HTTP " + std::to_string(answer.status);
    return out;
  }
  boost::system::error_code ec;
  const auto parsed = json::parse(answer.body, ec);
  if (ec || !parsed.is_object()) {
    out.error = "not JSON";
    return out;
  }
  const auto& o = parsed.as_object();
  std::string signed_data;
  for (const char* name : {"vnp_ResponseId", "vnp_Command", "vnp_ResponseCode", "vnp_Message",
                           "vnp_TmnCode", "vnp_TxnRef", "vnp_Amount", "vnp_BankCode", "vnp_PayDate",
                           "vnp_TransactionNo", "vnp_TransactionType", "vnp_TransactionStatus",
                           "vnp_OrderInfo", "vnp_PromotionCode", "vnp_PromotionAmount"}) {
    signed_data += (signed_data.empty() ? "" : "|") + field(o, name);
  }
  const std::string expected = hmac_sha512_hex(gateway.secret, signed_data);
  std::string sent = field(o, "vnp_SecureHash");
  for (auto& c : sent) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (sent.size() != expected.size() ||
      sodium_memcmp(sent.data(), expected.data(), expected.size()) != 0) {
    out.error = "answer's signature does not match";
    return out;
  }
  out.answered = true;
  out.response_code = field(o, "vnp_ResponseCode");
  out.transaction_status = field(o, "vnp_TransactionStatus");
  out.transaction_no = field(o, "vnp_TransactionNo");
  const std::string amount = field(o, "vnp_Amount");
  if (!amount.empty()) out.amount_vnd = app::payments::vnd_of_vnpay_amount(amount);
  return out;
}

}  // namespace motcua::integrations
