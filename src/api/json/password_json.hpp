// JSON of the password endpoints: a user's own change, an administrator's reset.
#pragma once

#include <boost/json/value.hpp>
#include <boost/json/value_from.hpp>

#include "app/accounts/password_change.hpp"
#include "app/common/app_error.hpp"

namespace motcua::app {

// {"official": Official, "temporary_password": string, "generated": bool}
void tag_invoke(boost::json::value_from_tag, boost::json::value& out,
                const PasswordResetView& view);

}  // namespace motcua::app

namespace motcua::api {

// {"current_password": string, "new_password": string}; both required.
app::AppResult<app::PasswordChange> password_change_from_json(const boost::json::value& body);

// {"temporary_password"?: string, "reason": string}: checked and hashed here, outside the write
// job (Argon2id is slow on purpose); a missing temporary password is generated.
app::AppResult<app::PasswordReset> password_reset_from_json(const boost::json::value& body);

}  // namespace motcua::api
