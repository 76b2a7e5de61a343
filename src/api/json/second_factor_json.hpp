// JSON of officials' second factor (app/accounts/second_factor.hpp; docs/api/openapi.json).
#pragma once

#include <boost/json/value.hpp>
#include <boost/json/value_from.hpp>

#include "app/accounts/second_factor.hpp"

namespace motcua::app {

// {"roles": [string]}
void tag_invoke(boost::json::value_from_tag, boost::json::value& out,
                const SecondFactorRoles& roles);
// {"user_id": string, "enrolled": false}
void tag_invoke(boost::json::value_from_tag, boost::json::value& out,
                const SecondFactorReset& reset);

}  // namespace motcua::app

namespace motcua::api {

// {"enrolled", "required", "recovery_codes_left", "available"}
boost::json::value second_factor_status_json(const app::SecondFactorStatus& status, bool available);
// {"secret", "otpauth_uri", "qr_svg"}
boost::json::value enrolment_json(const app::TotpEnrolment& enrolment, const std::string& qr_svg);
// {"recovery_codes": [string]}
boost::json::value recovery_codes_json(const std::vector<std::string>& codes);

// {"code": string}
app::AppResult<std::string> second_factor_code_from_json(const boost::json::value& body);

struct RoleRequirement {
  bool required = false;
  std::string reason;
};
// {"required": bool, "reason": string}
app::AppResult<RoleRequirement> role_requirement_from_json(const boost::json::value& body);
// {"reason": string}
app::AppResult<std::string> reason_from_json(const boost::json::value& body);

}  // namespace motcua::api
