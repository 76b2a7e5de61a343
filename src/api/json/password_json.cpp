#include "api/json/password_json.hpp"

#include <boost/json.hpp>

#include "api/json/admin_json.hpp"
#include "codec/json_fields.hpp"

namespace motcua::app {

namespace json = boost::json;

void tag_invoke(json::value_from_tag, json::value& out, const PasswordResetView& view) {
  out = json::object{{"official", json::value_from(view.official)},
                     {"temporary_password", view.temporary_password},
                     {"generated", view.generated}};
}

}  // namespace motcua::app

namespace motcua::api {

namespace {

app::AppError missing(const std::string& field) {
  return app::AppError{app::ErrorKind::invalid_input, "field_required",
                       "Thiếu trường " + field + " (chuỗi ký tự).",
                       "The field " + field + " (a string) is required.", field};
}

const boost::json::string* string_at(const boost::json::object& o, const char* name) {
  const auto* v = o.if_contains(name);
  return v != nullptr ? v->if_string() : nullptr;
}

}  // namespace

app::AppResult<app::PasswordChange> password_change_from_json(const boost::json::value& body) {
  const auto* o = body.if_object();
  if (o == nullptr) return tl::unexpected(missing("current_password"));
  const auto* current = string_at(*o, "current_password");
  if (current == nullptr) return tl::unexpected(missing("current_password"));
  const auto* next = string_at(*o, "new_password");
  if (next == nullptr) return tl::unexpected(missing("new_password"));
  return app::PasswordChange{std::string(*current), std::string(*next)};
}

app::AppResult<app::PasswordReset> password_reset_from_json(const boost::json::value& body) {
  const auto* o = body.if_object();
  if (o == nullptr) return tl::unexpected(missing("reason"));
  const auto* password = o->if_contains("temporary_password");
  if (password != nullptr && !password->is_string() && !password->is_null()) {
    return tl::unexpected(missing("temporary_password"));
  }
  return app::prepare_password_reset(
      password != nullptr && password->is_string() ? std::string(password->as_string()) : "",
      codec::text_field(*o, "reason"));
}

}  // namespace motcua::api
