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

// The same guard for handlers that answer later (writes): `handler` gets the actor and the
// responder; a missing session or CSRF token is answered at once.
using AsyncActorHandler = std::function<void(http::HttpRequest&, const app::Actor&, http::Respond)>;
http::AsyncHandler authenticated_async(ApiContext& ctx, AsyncActorHandler handler);

}  // namespace motcua::api
