#include "api/json/postal_json.hpp"

namespace motcua::app {

namespace json = boost::json;

void tag_invoke(json::value_from_tag, json::value& out, const PostalView& v) {
  json::array orders;
  for (const auto& o : v.orders) {
    orders.push_back(json::object{{"kind", o.kind},
                                  {"status", o.status},
                                  {"tracking_number", o.tracking_number},
                                  {"updated_at", o.updated_at}});
  }
  out = json::object{{"dossier_id", v.dossier_id},
                     {"chosen", v.chosen},
                     {"pickup", v.choice.pickup},
                     {"delivery", v.choice.delivery},
                     {"receiver_name", v.choice.receiver_name},
                     {"phone", v.choice.phone},
                     {"address", v.choice.address},
                     {"cod_vnd", v.choice.cod_vnd},
                     {"orders", std::move(orders)}};
}

void tag_invoke(json::value_from_tag, json::value& out, const PostalCallbackResult& r) {
  out = json::object{{"dossier_id", r.dossier_id},
                     {"kind", r.kind},
                     {"status", r.status},
                     {"result_returned", r.result_returned}};
}

}  // namespace motcua::app

namespace motcua::api {

namespace json = boost::json;

namespace {

app::AppError field_error(const std::string& field, const std::string& vi, const std::string& en) {
  return app::AppError{app::ErrorKind::invalid_input, "invalid_input", field + ": " + vi,
                       field + ": " + en, field};
}

// A string field that may be absent; an error when present with another type.
app::AppResult<std::string> text_of(const json::object& o, const char* name, bool required) {
  const auto* v = o.if_contains(name);
  if (v == nullptr || v->is_null()) {
    if (required) return tl::unexpected(field_error(name, "bắt buộc", "is required"));
    return std::string();
  }
  if (!v->is_string() || v->as_string().size() > 500)
    return tl::unexpected(field_error(name, "cần chuỗi ký tự (tối đa 500)",
                                      "must be text of at most 500 characters"));
  return std::string(v->as_string());
}

}  // namespace

app::AppResult<app::PostalChoice> postal_choice_from_json(const json::value& body) {
  if (!body.is_object())
    return tl::unexpected(app::invalid_input("the body must be a JSON object"));
  const auto& o = body.as_object();
  app::PostalChoice c;
  for (auto [name, target] : {std::pair{"pickup", &c.pickup}, std::pair{"delivery", &c.delivery}}) {
    const auto* v = o.if_contains(name);
    if (v != nullptr && !v->is_bool())
      return tl::unexpected(field_error(name, "cần true hoặc false", "must be true or false"));
    *target = v != nullptr && v->as_bool();
  }
  for (auto [name, target] : {std::pair{"receiver_name", &c.receiver_name},
                              std::pair{"phone", &c.phone}, std::pair{"address", &c.address}}) {
    auto text = text_of(o, name, false);
    if (!text) return tl::unexpected(text.error());
    *target = std::move(*text);
  }
  if (const auto* cod = o.if_contains("cod_vnd"); cod != nullptr && !cod->is_null()) {
    if (!cod->is_int64())
      return tl::unexpected(field_error("cod_vnd", "cần số nguyên đồng", "must be whole VND"));
    c.cod_vnd = cod->as_int64();
  }
  return c;
}

app::AppResult<app::PostalCallback> postal_callback_from_json(const json::value& body) {
  if (!body.is_object())
    return tl::unexpected(app::invalid_input("the body must be a JSON object"));
  const auto& o = body.as_object();
  app::PostalCallback c;
  for (auto [name, target, required] :
       {std::tuple{"tracking_number", &c.tracking_number, true},
        std::tuple{"event", &c.event, true}, std::tuple{"occurred_at", &c.occurred_at, false},
        std::tuple{"note", &c.note, false}}) {
    auto text = text_of(o, name, required);
    if (!text) return tl::unexpected(text.error());
    *target = std::move(*text);
  }
  return c;
}

}  // namespace motcua::api
