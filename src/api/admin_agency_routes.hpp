// Administration of agencies and one-stop units (see app/admin/admin_agencies.hpp), registered by
// add_admin_routes.
#pragma once

#include "api/api_context.hpp"
#include "http/router.hpp"

namespace motcua::api {

void add_admin_agency_routes(http::Router& router, ApiContext& ctx);

}  // namespace motcua::api
