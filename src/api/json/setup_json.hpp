// JSON of the admin setup endpoints (one-stop units and processes from data/templates).
#pragma once

#include <boost/json/value.hpp>
#include <boost/json/value_from.hpp>
#include <string>

#include "app/admin/setup_templates.hpp"
#include "app/common/app_error.hpp"

namespace motcua::app {

// {"created", "existing", "skipped", "problems": [string]}
void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const SetupOutcome& outcome);

}  // namespace motcua::app

namespace motcua::api {

// {"province_id": string, "level"?: string, "procedure_code"?: string, "reason": string}
struct SetupRequest {
  app::ProcessSetup scope;
  std::string reason;
};
app::AppResult<SetupRequest> setup_request_from_json(const boost::json::value& body);

}  // namespace motcua::api
