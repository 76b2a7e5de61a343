#include "api/json/signup_json.hpp"

#include <boost/json.hpp>

namespace motcua::api {

namespace {

namespace json = boost::json;

app::AppError missing(const std::string& field) {
  return app::AppError{app::ErrorKind::invalid_input, "field_required",
                       "Thiếu trường " + field + " (chuỗi ký tự).",
                       "The field " + field + " (a string) is required.", field};
}

// The string at `name`, or the problem naming it.
app::AppResult<std::string> required(const json::value& body, const char* name) {
  const auto* o = body.if_object();
  const auto* v = o != nullptr ? o->if_contains(name) : nullptr;
  if (v == nullptr || !v->is_string() || v->as_string().empty()) {
    return tl::unexpected(missing(name));
  }
  return std::string(v->as_string());
}

app::AppResult<std::string> language(const json::value& body) {
  const auto* o = body.if_object();
  const auto* v = o != nullptr ? o->if_contains("language") : nullptr;
  if (v == nullptr || v->is_null()) return std::string("vi");
  if (!v->is_string()) return tl::unexpected(missing("language"));
  return std::string(v->as_string());
}

}  // namespace

app::AppResult<app::PreparedSignUp> sign_up_from_json(const json::value& body) {
  auto name = required(body, "display_name");
  if (!name) return tl::unexpected(name.error());
  auto address = required(body, "address");
  if (!address) return tl::unexpected(address.error());
  auto password = required(body, "password");
  if (!password) return tl::unexpected(password.error());
  auto lang = language(body);
  if (!lang) return tl::unexpected(lang.error());
  return app::prepare_sign_up(*name, *address, *password, *lang);
}

app::AppResult<AddressCode> address_code_from_json(const json::value& body) {
  auto address = required(body, "address");
  if (!address) return tl::unexpected(address.error());
  auto code = required(body, "code");
  if (!code) return tl::unexpected(code.error());
  return AddressCode{std::move(*address), std::move(*code)};
}

app::AppResult<AddressLanguage> reset_request_from_json(const json::value& body) {
  auto address = required(body, "address");
  if (!address) return tl::unexpected(address.error());
  auto lang = language(body);
  if (!lang) return tl::unexpected(lang.error());
  if (*lang != "vi" && *lang != "en") {
    return tl::unexpected(app::AppError{app::ErrorKind::invalid_input, "language_invalid",
                                        "Ngôn ngữ (language) phải là vi hoặc en.",
                                        "The language must be vi or en.", "language"});
  }
  return AddressLanguage{std::move(*address), std::move(*lang)};
}

app::AppResult<app::PreparedCodeReset> code_reset_from_json(const json::value& body) {
  auto address = required(body, "address");
  if (!address) return tl::unexpected(address.error());
  auto code = required(body, "code");
  if (!code) return tl::unexpected(code.error());
  auto password = required(body, "new_password");
  if (!password) return tl::unexpected(password.error());
  return app::prepare_code_reset(*address, *code, *password);
}

json::value code_sent_json(const app::CodeRequestOutcome& outcome) {
  return json::object{{"channel", outcome.channel}, {"expires_in_s", outcome.expires_in_s}};
}

}  // namespace motcua::api
