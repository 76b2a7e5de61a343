#include "api/json/second_factor_json.hpp"

#include <boost/json.hpp>

namespace motcua::app {

namespace json = boost::json;

void tag_invoke(json::value_from_tag, json::value& out, const SecondFactorRoles& roles) {
  json::array list;
  for (const auto& r : roles.roles) list.push_back(json::string(r));
  out = json::object{{"roles", std::move(list)}};
}

void tag_invoke(json::value_from_tag, json::value& out, const SecondFactorReset& reset) {
  out = json::object{{"user_id", reset.user_id}, {"enrolled", false}};
}

}  // namespace motcua::app

namespace motcua::api {

namespace json = boost::json;

namespace {

app::AppError missing(const std::string& field, const std::string& what_vi,
                      const std::string& what_en) {
  return app::AppError{app::ErrorKind::invalid_input, "field_required",
                       "Thiếu trường " + field + " (" + what_vi + ").",
                       "The field " + field + " (" + what_en + ") is required.", field};
}

const json::value* field(const json::value& body, const char* name) {
  const auto* o = body.if_object();
  return o != nullptr ? o->if_contains(name) : nullptr;
}

}  // namespace

json::value second_factor_status_json(const app::SecondFactorStatus& s, bool available) {
  return json::object{{"enrolled", s.enrolled},
                      {"required", s.required},
                      {"recovery_codes_left", s.recovery_codes_left},
                      {"available", available}};
}

json::value enrolment_json(const app::TotpEnrolment& e, const std::string& qr_svg) {
  return json::object{{"secret", e.secret}, {"otpauth_uri", e.otpauth_uri}, {"qr_svg", qr_svg}};
}

json::value recovery_codes_json(const std::vector<std::string>& codes) {
  json::array list;
  for (const auto& c : codes) list.push_back(json::string(c));
  return json::object{{"recovery_codes", std::move(list)}};
}

app::AppResult<std::string> second_factor_code_from_json(const json::value& body) {
  const auto* v = field(body, "code");
  if (v == nullptr || !v->is_string() || v->as_string().empty())
    return tl::unexpected(missing("code", "chuỗi ký tự", "a string"));
  return std::string(v->as_string());
}

app::AppResult<RoleRequirement> role_requirement_from_json(const json::value& body) {
  const auto* required = field(body, "required");
  if (required == nullptr || !required->is_bool())
    return tl::unexpected(missing("required", "true hoặc false", "true or false"));
  auto reason = reason_from_json(body);
  if (!reason) return tl::unexpected(reason.error());
  return RoleRequirement{required->as_bool(), std::move(*reason)};
}

app::AppResult<std::string> reason_from_json(const json::value& body) {
  const auto* v = field(body, "reason");
  if (v == nullptr || !v->is_string())
    return tl::unexpected(missing("reason", "chuỗi ký tự", "a string"));
  return std::string(v->as_string());
}

}  // namespace motcua::api
