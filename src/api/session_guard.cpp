#include "api/session_guard.hpp"

#include <sodium.h>

#include <variant>

#include "api/responses.hpp"

namespace motcua::api {

namespace {
bool same_token(std::string_view a, const std::string& b) {
  // Constant time, so the comparison does not tell an attacker how much of a guess was right.
  return a.size() == b.size() && sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}
}  // namespace

std::optional<app::Session> session_of(ApiContext& ctx, const http::HttpRequest& request) {
  const auto token = request.cookie(kSessionCookie);
  if (!token) return std::nullopt;
  std::optional<app::Session> session;
  const auto now_s = ctx.now().seconds;
  ctx.store.read([&](store::SqlConnection& db) { session = app::find_session(db, *token, now_s); });
  return session;
}

namespace {
// What a user whose password was reset may still do: change it, or log out. (GET /session is not
// guarded: it answers must_change_password so the web app shows the change screen.)
bool allowed_before_password_change(const http::HttpRequest& request) {
  return (request.method == http::Method::post && request.path == "/api/v1/session/password") ||
         (request.method == http::Method::del && request.path == "/api/v1/session");
}

// What a user whose role requires a second factor may do before enrolling one: enrol, or log out.
bool allowed_before_enrolment(const http::HttpRequest& request) {
  return request.path.starts_with("/api/v1/me/second-factor") ||
         (request.method == http::Method::del && request.path == "/api/v1/session");
}

// The session's actor, or the refusal to answer.
std::variant<app::Actor, http::HttpResponse> guard(ApiContext& ctx,
                                                   const http::HttpRequest& request) {
  auto session = session_of(ctx, request);
  if (!session) return unauthenticated();
  const bool safe = request.method == http::Method::get || request.method == http::Method::head;
  if (!safe && !same_token(request.header(kCsrfHeader), session->csrf_token)) return csrf_failed();
  if (session->must_change_password && !allowed_before_password_change(request)) {
    return password_change_required();
  }
  if (session->must_enrol_second_factor && !allowed_before_enrolment(request)) {
    return second_factor_enrolment_required();
  }
  return std::move(session->actor);
}
}  // namespace

http::Handler authenticated(ApiContext& ctx, ActorHandler handler) {
  return [&ctx, handler = std::move(handler)](http::HttpRequest& request) {
    auto guarded = guard(ctx, request);
    if (auto* refusal = std::get_if<http::HttpResponse>(&guarded)) return std::move(*refusal);
    return handler(request, std::get<app::Actor>(guarded));
  };
}

http::AsyncHandler authenticated_async(ApiContext& ctx, AsyncActorHandler handler) {
  return [&ctx, handler = std::move(handler)](http::HttpRequest& request, http::Respond respond) {
    auto guarded = guard(ctx, request);
    if (auto* refusal = std::get_if<http::HttpResponse>(&guarded)) {
      respond([refusal = std::move(*refusal)] { return refusal; });
      return;
    }
    handler(request, std::get<app::Actor>(guarded), std::move(respond));
  };
}

}  // namespace motcua::api
