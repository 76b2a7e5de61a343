// JSON of the audit log screen (GET /api/v1/admin/audit).
#pragma once

#include <boost/json/value.hpp>
#include <boost/json/value_from.hpp>

#include "app/admin/audit_reading.hpp"

namespace motcua::app {

void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const AuditPageView& page);

}  // namespace motcua::app
