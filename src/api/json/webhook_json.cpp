#include "api/json/webhook_json.hpp"

namespace motcua::app {

namespace json = boost::json;

void tag_invoke(json::value_from_tag, json::value& out, const WebhookView& v) {
  json::array types;
  for (const auto& t : v.event_types) types.emplace_back(t);
  json::object o{{"id", v.id},
                 {"url", v.url},
                 {"event_types", std::move(types)},
                 {"description", v.description},
                 {"active", v.active},
                 {"created_by", v.created_by},
                 {"created_at", v.created_at},
                 {"disabled_at", v.disabled_at},
                 {"disabled_reason", v.disabled_reason}};
  if (!v.secret.empty()) o["secret"] = v.secret;
  out = std::move(o);
}

void tag_invoke(json::value_from_tag, json::value& out, const WebhookDeliveryView& v) {
  out = json::object{{"id", v.id},
                     {"idempotency_key", v.idempotency_key},
                     {"created_at", v.created_at},
                     {"attempts", v.attempts},
                     {"last_error", v.last_error},
                     {"state", v.state},
                     {"delivered_at", v.delivered_at}};
}

}  // namespace motcua::app

namespace motcua::api {

namespace json = boost::json;

namespace {

app::AppError field_error(const std::string& field, const std::string& vi, const std::string& en) {
  return app::AppError{app::ErrorKind::invalid_input, "invalid_input", field + ": " + vi,
                       field + ": " + en, field};
}

}  // namespace

app::AppResult<app::WebhookInput> webhook_input_from_json(const json::value& body) {
  if (!body.is_object())
    return tl::unexpected(app::invalid_input("the body must be a JSON object"));
  const auto& o = body.as_object();
  app::WebhookInput in;
  const auto* url = o.if_contains("url");
  if (!url || !url->is_string())
    return tl::unexpected(field_error("url", "bắt buộc, là chuỗi", "is required text"));
  in.url = std::string(url->as_string());
  const auto* types = o.if_contains("event_types");
  if (!types || !types->is_array())
    return tl::unexpected(
        field_error("event_types", "cần danh sách loại sự kiện", "must be a list of event types"));
  for (const auto& t : types->as_array()) {
    if (!t.is_string())
      return tl::unexpected(
          field_error("event_types", "mỗi phần tử là chuỗi", "each entry must be text"));
    in.event_types.emplace_back(t.as_string());
  }
  for (auto [name, target] :
       {std::pair{"description", &in.description}, std::pair{"reason", &in.reason}}) {
    const auto* v = o.if_contains(name);
    if (v && !v->is_null() && !v->is_string())
      return tl::unexpected(field_error(name, "cần chuỗi ký tự", "must be text"));
    if (v && v->is_string()) *target = std::string(v->as_string());
  }
  return in;
}

app::AppResult<ReasonInput> reason_from_json(const json::value& body) {
  if (!body.is_object())
    return tl::unexpected(app::invalid_input("the body must be a JSON object"));
  const auto* reason = body.as_object().if_contains("reason");
  if (!reason || !reason->is_string() || reason->as_string().empty())
    return tl::unexpected(field_error("reason", "cần ghi lý do", "a reason is required"));
  return ReasonInput{std::string(reason->as_string())};
}

}  // namespace motcua::api
