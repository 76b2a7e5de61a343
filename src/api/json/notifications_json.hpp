// JSON of the applicant's notification preferences (GET/PUT /api/v1/me/notification-preferences).
#pragma once

#include <boost/json/value.hpp>
#include <boost/json/value_from.hpp>

#include "app/common/app_error.hpp"
#include "app/notifications/preferences.hpp"

namespace motcua::app::notifications {

// {"mail", "sms", "zalo", "optional_notices": bool, "language": "vi"|"en", "email", "phone",
//  "updated_at": string|null}
void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const PreferencesView& view);

}  // namespace motcua::app::notifications

namespace motcua::api {

// {"mail", "sms", "zalo", "optional_notices": bool (all required), "language": "vi"|"en",
//  "reason"?: string}
app::AppResult<app::notifications::PreferencesInput> preferences_from_json(
    const boost::json::value& body);

}  // namespace motcua::api
