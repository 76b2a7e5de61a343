// Authentication and CSRF for API handlers. A handler wrapped by `authenticated` runs only with a
// valid session cookie; for any method other than GET/HEAD the X-CSRF-Token header must equal the
// session's token (a cross-site form cannot read or set it).
#pragma once

#include <functional>

#include "api/api_context.hpp"
#include "http/router.hpp"

namespace motcua::api {

using ActorHandler = std::function<http::HttpResponse(http::HttpRequest&, const app::Actor&)>;

std::optional<app::Session> session_of(ApiContext& ctx, const http::HttpRequest& request);

http::Handler authenticated(ApiContext& ctx, ActorHandler handler);

}  // namespace motcua::api
