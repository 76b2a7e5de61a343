// An applicant's notification preferences:
//   GET /api/v1/me/notification-preferences   the channels, optional notices and language
//   PUT /api/v1/me/notification-preferences   replaces them (audited)
#include "api/idempotent_write.hpp"
#include "api/json/notifications_json.hpp"
#include "api/responses.hpp"
#include "api/routes.hpp"
#include "api/session_guard.hpp"

namespace motcua::api {

namespace {

constexpr std::size_t kSmallBody = 4 * 1024;

http::HttpResponse preferences(ApiContext& ctx, http::HttpRequest& r, const app::Actor& a) {
  return read_and_render(
      ctx, r, [&](store::SqlConnection& db) { return app::notifications::my_preferences(db, a); });
}

void save_preferences(ApiContext& ctx, http::HttpRequest& r, const app::Actor& a,
                      http::Respond respond) {
  decoded_write(
      ctx, r, a, preferences_from_json,
      [&ctx, a](store::SqlConnection& db, const app::notifications::PreferencesInput& in) {
        return app::notifications::save_my_preferences(db, a, in,
                                                       to_iso(ctx.now(), ctx.utc_offset()));
      },
      200, std::move(respond));
}

}  // namespace

void add_notification_routes(http::Router& router, ApiContext& ctx) {
  using http::Method;
  router.add(Method::get, "/api/v1/me/notification-preferences",
             authenticated(ctx, [&ctx](auto& r, const auto& a) { return preferences(ctx, r, a); }));
  router.add_async(Method::put, "/api/v1/me/notification-preferences",
                   authenticated_async(ctx,
                                       [&ctx](auto& r, const auto& a, http::Respond respond) {
                                         save_preferences(ctx, r, a, std::move(respond));
                                       }),
                   {.max_body_bytes = kSmallBody});
}

}  // namespace motcua::api
