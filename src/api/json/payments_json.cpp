#include "api/json/payments_json.hpp"

#include "codec/json_fields.hpp"
#include "domain/text/fold.hpp"

namespace motcua::app::payments {

namespace json = boost::json;

void tag_invoke(json::value_from_tag, json::value& out, const StartedPayment& p) {
  out = json::object{{"payment_id", p.payment_id}, {"redirect_url", p.redirect_url}};
}

void tag_invoke(json::value_from_tag, json::value& out, const PaymentView& p) {
  out = json::object{{"id", p.id},
                     {"dossier_id", p.dossier_id},
                     {"dossier_code", p.dossier_code},
                     {"dossier_status", p.dossier_status},
                     {"method", p.method},
                     {"txn_ref", p.txn_ref},
                     {"amount_vnd", p.amount_vnd},
                     {"state", p.state},
                     {"created_at", p.created_at},
                     {"expires_at", p.expires_at},
                     {"updated_at", p.updated_at}};
}

// The protocol's own shape (VNPAY's IPN answer), not MotCua's problem JSON.
void tag_invoke(json::value_from_tag, json::value& out, const IpnAnswer& a) {
  out = json::object{{"RspCode", a.rsp_code}, {"Message", a.message}};
}

}  // namespace motcua::app::payments

namespace motcua::app::payments {

void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const ReceiptView& r) {
  out = boost::json::object{
      {"id", r.id},
      {"number", r.number},
      {"payment_id", r.payment_id},
      {"dossier_id", r.dossier_id},
      {"dossier_code", r.dossier_code},
      {"agency_id", r.agency_id},
      {"method", r.method},
      {"amount_vnd", r.amount_vnd},
      {"description", r.description},
      {"payer_name", r.payer_name},
      {"issued_by", boost::json::object{{"id", r.issued_by}, {"name", r.issued_by_name}}},
      {"issued_at", r.issued_at},
      {"note", r.note}};
}

void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const RefundView& r) {
  namespace json = boost::json;
  const auto text_or_null = [](const std::string& s) {
    return s.empty() ? json::value(nullptr) : json::value(s);
  };
  out = json::object{{"id", r.id},
                     {"payment_id", r.payment_id},
                     {"dossier_id", r.dossier_id},
                     {"method", r.method},
                     {"amount_vnd", r.amount_vnd},
                     {"state", r.state},
                     {"reason", r.reason},
                     {"created_at", r.created_at},
                     {"completed_by",
                      r.completed_by.empty()
                          ? json::value(nullptr)
                          : json::value(json::object{{"id", r.completed_by},
                                                     {"name", text_or_null(r.completed_by_name)}})},
                     {"completed_at", text_or_null(r.completed_at)},
                     {"gateway_txn_no", text_or_null(r.gateway_txn_no)},
                     {"error", text_or_null(r.error)}};
}

}  // namespace motcua::app::payments

namespace motcua::api {

namespace {
app::AppError bad_field(const char* code, const char* vi, const char* en, const char* detail) {
  return app::AppError{app::ErrorKind::invalid_input, code, vi, en, detail};
}
}  // namespace

app::AppResult<app::payments::CounterPayment> counter_payment_from_json(
    const boost::json::value& body) {
  if (!body.is_object())
    return tl::unexpected(app::invalid_input("the body must be a JSON object"));
  const auto& o = body.as_object();
  app::payments::CounterPayment out;
  const auto* method = o.if_contains("method");
  if (method == nullptr || !method->is_string()) {
    return tl::unexpected(bad_field("invalid_payment_method",
                                    "Hình thức nộp (method) là bắt buộc: 'cash' hoặc 'card'.",
                                    "The payment method (method) is required: 'cash' or 'card'.",
                                    "method: required, cash or card"));
  }
  out.method = std::string(method->as_string());
  const auto* amount = o.if_contains("amount_vnd");
  if (amount == nullptr || !amount->is_int64()) {
    return tl::unexpected(bad_field(
        "invalid_amount", "Số tiền (amount_vnd) là bắt buộc, là số nguyên đồng.",
        "The amount (amount_vnd) is required, in whole dong.", "amount_vnd: required integer"));
  }
  out.amount_vnd = amount->as_int64();
  const auto* note = o.if_contains("note");
  if (note != nullptr && !note->is_null() && !note->is_string()) {
    return tl::unexpected(bad_field("invalid_note", "Ghi chú (note) phải là văn bản.",
                                    "The note (note) must be text.", "note: must be a string"));
  }
  out.note = text::clean_text(codec::optional_string(o, "note"), {});
  if (out.note.size() > 500) {
    return tl::unexpected(bad_field("note_too_long", "Ghi chú (note) dài quá 500 byte.",
                                    "The note (note) is longer than 500 bytes.",
                                    "note: more than 500 bytes"));
  }
  return out;
}

}  // namespace motcua::api

namespace motcua::api {

app::AppResult<std::string> refund_note_from_json(const boost::json::value& body) {
  if (!body.is_object())
    return tl::unexpected(app::invalid_input("the body must be a JSON object"));
  const auto& o = body.as_object();
  const auto* note = o.if_contains("note");
  if (note != nullptr && !note->is_null() && !note->is_string()) {
    return tl::unexpected(bad_field("invalid_note", "Ghi chú (note) phải là văn bản.",
                                    "The note (note) must be text.", "note: must be a string"));
  }
  auto text = text::clean_text(codec::optional_string(o, "note"), {});
  if (text.size() > 500) {
    return tl::unexpected(bad_field("note_too_long", "Ghi chú (note) dài quá 500 byte.",
                                    "The note (note) is longer than 500 bytes.",
                                    "note: more than 500 bytes"));
  }
  return text;
}

}  // namespace motcua::api
