// POST /api/v1/session (log in), GET /api/v1/session (who am I), DELETE /api/v1/session (log out).
#include "api/json/accounts_json.hpp"
#include "api/responses.hpp"
#include "api/routes.hpp"
#include "api/session_guard.hpp"
#include "http/problem.hpp"

namespace motcua::api {

namespace {

http::SetCookie session_cookie(const ApiContext& ctx, std::string value, std::int64_t max_age) {
  http::SetCookie c;
  c.name = kSessionCookie;
  c.value = std::move(value);
  c.max_age = std::chrono::seconds(max_age);
  c.secure = ctx.settings.secure_cookies;
  return c;
}

http::HttpResponse too_many(std::int64_t retry_after) {
  auto r =
      http::problem(429, "too_many_attempts", "Đăng nhập sai quá nhiều lần; vui lòng thử lại sau.",
                    "Too many failed logins; try again later.");
  r.set_header("Retry-After", std::to_string(retry_after));
  return r;
}

http::HttpResponse log_in(ApiContext& ctx, http::HttpRequest& request) {
  auto body = parse_body(request);
  if (!body) return body.error();
  const auto credentials = login_request_from_json(*body);
  if (!credentials) return problem_of(credentials.error(), request);
  const std::string& username = credentials->username;
  const std::string& password = credentials->password;
  const auto now_s = ctx.now().seconds;
  const std::string& address = request.remote_address;
  for (const auto wait : {ctx.user_throttle.retry_after(username, now_s),
                          ctx.address_throttle.retry_after(address, now_s)}) {
    if (wait > 0) return too_many(wait);
  }
  app::AppResult<app::Session> session = tl::unexpected(app::AppError{});
  ctx.store.write([&](store::SqlConnection& db) {
    session = app::login(db, username, password, now_s, ctx.now_iso());
  });
  if (!session) {
    ctx.user_throttle.record_failure(username, now_s);
    ctx.address_throttle.record_failure(address, now_s);
    return problem_of(session.error(), request);
  }
  ctx.user_throttle.record_success(username);
  auto response =
      http::HttpResponse::json(200, boost::json::value_from(app::session_view(*session)));
  response.set_cookie(session_cookie(ctx, session->token, app::kSessionSeconds));
  response.set_header("Cache-Control", "no-store");
  return response;
}

}  // namespace

void add_session_routes(http::Router& router, ApiContext& ctx) {
  router.add(http::Method::post, "/api/v1/session",
             [&ctx](http::HttpRequest& r) { return log_in(ctx, r); }, {.max_body_bytes = 4096});
  router.add(http::Method::get, "/api/v1/session", [&ctx](http::HttpRequest& r) {
    const auto session = session_of(ctx, r);
    if (!session) return unauthenticated();
    auto response =
        http::HttpResponse::json(200, boost::json::value_from(app::session_view(*session)));
    response.set_header("Cache-Control", "no-store");
    return response;
  });
  router.add(http::Method::del, "/api/v1/session",
             authenticated(ctx, [&ctx](http::HttpRequest& r, const app::Actor&) {
               const auto token = r.cookie(kSessionCookie);
               ctx.store.write([&](store::SqlConnection& db) { app::logout(db, *token); });
               auto response = http::HttpResponse::empty(204);
               response.set_cookie(session_cookie(ctx, "", 0));
               return response;
             }));
}

}  // namespace motcua::api
