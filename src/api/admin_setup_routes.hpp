// A fresh installation's one-stop units and default processes from the admin pages, as
// `motcua setup` does from the command line (app/admin/setup_templates.hpp):
//   POST /api/v1/admin/setup/one-stop-units   {province_id, reason}
//   POST /api/v1/admin/setup/processes        {province_id, level?, procedure_code?, reason}
// Administrators of the province only; the templates are read from ApiSettings::templates_dir.
#pragma once

#include "api/api_context.hpp"
#include "http/router.hpp"

namespace motcua::api {

void add_admin_setup_routes(http::Router& router, ApiContext& ctx);

}  // namespace motcua::api
