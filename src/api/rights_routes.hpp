// Routes of issue 18 point 4 and 6 (the tracking secret, the right of access), declared apart from
// routes.hpp so that adding them touches only the files that register them.
#pragma once

#include "api/api_context.hpp"
#include "http/router.hpp"

namespace motcua::api {

// GET /api/v1/me/personal-data, POST /api/v1/admin/personal-data-exports
void add_personal_data_routes(http::Router& router, ApiContext& ctx);
// GET /api/v1/dossiers/{id}/tracking-secret
void add_tracking_secret_routes(http::Router& router, ApiContext& ctx);

}  // namespace motcua::api
