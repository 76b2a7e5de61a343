// JSON of the session endpoints: the login body in, the signed-in user out.
#pragma once

#include <boost/json/value.hpp>
#include <boost/json/value_from.hpp>

#include "app/accounts/session_views.hpp"
#include "app/common/app_error.hpp"

namespace motcua::app {

// {"user": {"id", "display_name", "applicant", "roles": [{"role", "agency_id"}]}, "csrf_token"}
void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const SessionView& view);

}  // namespace motcua::app

namespace motcua::api {

// {"username": string, "password": string}; both required.
app::AppResult<app::LoginRequest> login_request_from_json(const boost::json::value& body);

}  // namespace motcua::api
