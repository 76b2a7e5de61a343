#include "api/json/exchange_json.hpp"

namespace motcua::app::exchange {

namespace json = boost::json;

void tag_invoke(json::value_from_tag, json::value& out, const PartnerView& v) {
  json::array codes;
  for (const auto& c : v.agency_codes) codes.emplace_back(c);
  json::array keys;
  for (const auto& k : v.keys) {
    keys.push_back(json::object{{"public_key", k.public_key},
                                {"valid_from", k.valid_from},
                                {"valid_to", k.valid_to},
                                {"added_by", k.added_by},
                                {"added_at", k.added_at}});
  }
  out = json::object{{"id", v.id},
                     {"name", v.name},
                     {"base_url", v.base_url},
                     {"agency_codes", std::move(codes)},
                     {"keys", std::move(keys)},
                     {"created_by", v.created_by},
                     {"created_at", v.created_at}};
}

void tag_invoke(json::value_from_tag, json::value& out, const IdentityView& v) {
  json::array keys;
  for (const auto& k : v.keys) {
    keys.push_back(json::object{
        {"public_key", k.public_key}, {"valid_from", k.valid_from}, {"valid_to", k.valid_to}});
  }
  out = json::object{{"instance_id", v.instance_id}, {"keys", std::move(keys)}};
}

void tag_invoke(json::value_from_tag, json::value& out, const ReceivedMessage& v) {
  out = json::parse(codec::exchange_wire_to_text(v.receipt));
}

void tag_invoke(json::value_from_tag, json::value& out, const ExchangeLinkView& v) {
  out = json::object{{"message_id", v.message_id}, {"kind", v.kind},
                     {"partner_id", v.partner_id}, {"partner_name", v.partner_name},
                     {"step_id", v.step_id},       {"consultation_id", v.consultation_id},
                     {"sent_at", v.sent_at},       {"receipt_ref", v.receipt_ref},
                     {"receipt_at", v.receipt_at}, {"result_at", v.result_at},
                     {"outcome", v.outcome}};
}

void tag_invoke(json::value_from_tag, json::value& out, const PartnerQuestionView& v) {
  json::array papers;
  for (const auto& p : v.papers) {
    papers.push_back(json::object{{"name", p.name},
                                  {"file_name", p.file_name},
                                  {"content_type", p.content_type},
                                  {"sha256", p.sha256},
                                  {"size", p.size}});
  }
  out = json::object{{"id", v.id},
                     {"partner_id", v.partner_id},
                     {"partner_name", v.partner_name},
                     {"agency_id", v.agency_id},
                     {"parent_code", v.parent_code},
                     {"procedure_name", v.procedure_name},
                     {"question", v.question},
                     {"papers", std::move(papers)},
                     {"received_at", v.received_at},
                     {"due_at", v.due_at},
                     {"open", v.open},
                     {"answer", v.answer},
                     {"answered_by", v.answered_by},
                     {"answered_at", v.answered_at}};
}

}  // namespace motcua::app::exchange

namespace motcua::api {

namespace json = boost::json;

namespace {

app::AppError field_error(const std::string& field, const std::string& vi, const std::string& en) {
  return app::AppError{app::ErrorKind::invalid_input, "invalid_input", field + ": " + vi,
                       field + ": " + en, field};
}

// A required text field, or an optional one (absent or null: empty).
app::AppResult<std::string> text(const json::object& o, const std::string& prefix, const char* name,
                                 bool required) {
  const auto* v = o.if_contains(name);
  if ((!v || v->is_null()) && !required) return std::string();
  if (!v || !v->is_string())
    return tl::unexpected(field_error(prefix + name, required ? "bắt buộc, là chuỗi" : "cần chuỗi",
                                      required ? "is required text" : "must be text"));
  return std::string(v->as_string());
}

app::AppResult<app::exchange::PartnerKeyInput> key_from(const json::value& body,
                                                        const std::string& prefix) {
  if (!body.is_object())
    return tl::unexpected(field_error(prefix.empty() ? "body" : prefix, "cần đối tượng JSON",
                                      "must be a JSON object"));
  const auto& o = body.as_object();
  app::exchange::PartnerKeyInput k;
  auto pk = text(o, prefix, "public_key", true);
  if (!pk) return tl::unexpected(pk.error());
  auto from = text(o, prefix, "valid_from", true);
  if (!from) return tl::unexpected(from.error());
  auto to = text(o, prefix, "valid_to", false);
  if (!to) return tl::unexpected(to.error());
  auto reason = text(o, prefix, "reason", false);
  if (!reason) return tl::unexpected(reason.error());
  return app::exchange::PartnerKeyInput{*pk, *from, *to, *reason};
}

}  // namespace

app::AppResult<app::exchange::PartnerInput> partner_input_from_json(const json::value& body) {
  if (!body.is_object())
    return tl::unexpected(app::invalid_input("the body must be a JSON object"));
  const auto& o = body.as_object();
  app::exchange::PartnerInput in;
  for (auto [name, target, required] :
       {std::tuple{"id", &in.id, true}, std::tuple{"name", &in.name, true},
        std::tuple{"base_url", &in.base_url, true}, std::tuple{"reason", &in.reason, false}}) {
    auto v = text(o, "", name, required);
    if (!v) return tl::unexpected(v.error());
    *target = *v;
  }
  const auto* codes = o.if_contains("agency_codes");
  if (!codes || !codes->is_array())
    return tl::unexpected(
        field_error("agency_codes", "cần danh sách mã cơ quan", "must be a list of agency codes"));
  for (const auto& c : codes->as_array()) {
    if (!c.is_string())
      return tl::unexpected(
          field_error("agency_codes", "mỗi phần tử là chuỗi", "each entry must be text"));
    in.agency_codes.emplace_back(c.as_string());
  }
  const auto* keys = o.if_contains("keys");
  if (!keys || !keys->is_array())
    return tl::unexpected(
        field_error("keys", "cần danh sách khóa công khai", "must be a list of public keys"));
  for (std::size_t i = 0; i < keys->as_array().size(); ++i) {
    auto k = key_from(keys->as_array()[i], "keys[" + std::to_string(i) + "].");
    if (!k) return tl::unexpected(k.error());
    in.keys.push_back(*k);
  }
  return in;
}

app::AppResult<app::exchange::PartnerKeyInput> partner_key_input_from_json(
    const json::value& body) {
  return key_from(body, "");
}

}  // namespace motcua::api
