#include "api/json/accounts_json.hpp"

#include <boost/json.hpp>

#include "codec/json_fields.hpp"

namespace motcua::app {

namespace json = boost::json;

void tag_invoke(json::value_from_tag, json::value& out, const SessionView& view) {
  const Actor& a = view.actor;
  json::array roles;
  for (const auto& g : a.grants) {
    roles.push_back(json::object{{"role", dossier::to_string(g.role)}, {"agency_id", g.agency_id}});
  }
  out = json::object{{"user",
                      {{"id", a.user_id},
                       {"display_name", a.display_name},
                       {"applicant", a.applicant},
                       {"roles", std::move(roles)}}},
                     {"csrf_token", view.csrf_token},
                     {"must_change_password", view.must_change_password},
                     {"must_enrol_second_factor", view.must_enrol_second_factor}};
}

}  // namespace motcua::app

namespace motcua::api {

app::AppResult<app::LoginRequest> login_request_from_json(const boost::json::value& body) {
  const auto refused = [] {
    return tl::unexpected(app::invalid_input("'username' and 'password' are required strings"));
  };
  const auto* o = body.if_object();
  if (o == nullptr) return refused();
  const auto user = codec::required_string(*o, "username");
  const auto pass = codec::required_string(*o, "password");
  if (!user || !pass) return refused();
  app::LoginRequest login{std::string(*user), std::string(*pass), {}};
  if (const auto* code = o->if_contains("code"); code != nullptr && code->is_string())
    login.code = std::string(code->as_string());
  return login;
}

}  // namespace motcua::api
