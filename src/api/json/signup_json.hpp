// JSON of citizens' sign-up and of the password reset by a one-time code
// (app/accounts/one_time_codes.hpp; docs/api/openapi.json, tag "accounts").
#pragma once

#include <boost/json/value.hpp>

#include "app/accounts/one_time_codes.hpp"
#include "app/common/app_error.hpp"

namespace motcua::api {

// {"display_name", "address", "password", "language"?: "vi"|"en"}: checked and the password hashed.
app::AppResult<app::PreparedSignUp> sign_up_from_json(const boost::json::value& body);

// {"address", "code"}
struct AddressCode {
  std::string address;
  std::string code;
};
app::AppResult<AddressCode> address_code_from_json(const boost::json::value& body);

// {"address", "language"?}
struct AddressLanguage {
  std::string address;
  std::string language;
};
app::AppResult<AddressLanguage> reset_request_from_json(const boost::json::value& body);

// {"address", "code", "new_password"}: checked and the password hashed.
app::AppResult<app::PreparedCodeReset> code_reset_from_json(const boost::json::value& body);

// {"channel": "mail"|"sms", "expires_in_s": integer}
boost::json::value code_sent_json(const app::CodeRequestOutcome& outcome);

}  // namespace motcua::api
