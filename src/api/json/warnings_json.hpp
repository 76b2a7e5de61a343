// JSON of the warnings workspace (app/warnings/due_warnings.hpp) and of the threshold setting.
#pragma once

#include <boost/json.hpp>

#include "app/common/app_error.hpp"
#include "app/warnings/due_warnings.hpp"

namespace motcua::app {
void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const DueAlert& a);
void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const WarningsView& v);
}  // namespace motcua::app

namespace motcua::api {

struct WarningHoursInput {
  int hours = 0;
  std::string reason;
};

// {"hours": 1..200, "reason": "..."}; 422 naming the field otherwise.
app::AppResult<WarningHoursInput> warning_hours_from_json(const boost::json::value& body);

// {"hours": n, "changed_by", "changed_by_name", "changed_at", "reason", "previous_hours"} (null
// when never changed)
boost::json::value warning_hours_json(const app::WarningThreshold& threshold);

}  // namespace motcua::api
