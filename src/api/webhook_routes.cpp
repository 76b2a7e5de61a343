// Webhook subscriptions (app/webhooks/webhooks.hpp), administrators only:
//
//   GET  /api/v1/admin/webhooks                   the subscriptions (never their secrets)
//   POST /api/v1/admin/webhooks                   register one; the answer holds the secret, once
//   POST /api/v1/admin/webhooks/{id}/disable      stop it, with a reason (audit log)
//   GET  /api/v1/admin/webhooks/{id}/deliveries   its deliveries with attempts (from the outbox)
#include "api/admin_write.hpp"
#include "api/json/webhook_json.hpp"
#include "api/responses.hpp"
#include "api/routes.hpp"
#include "api/session_guard.hpp"

namespace motcua::api {

void add_webhook_routes(http::Router& router, ApiContext& ctx) {
  using http::Method;
  router.add(Method::get, "/api/v1/admin/webhooks",
             authenticated(ctx, [&ctx](auto& r, const auto& a) {
               return read_and_render(
                   ctx, r, [&](store::SqlConnection& db) { return app::list_webhooks(db, a); });
             }));
  router.add_async(Method::post, "/api/v1/admin/webhooks",
                   administering(
                       ctx, webhook_input_from_json,
                       [&ctx](store::SqlConnection& db, const app::Actor& a, const PathParams&,
                              const app::WebhookInput& in, const std::string& now) {
                         return app::register_webhook(db, a, in, ctx.settings.webhook_key, now);
                       },
                       201));
  router.add_async(
      Method::post, "/api/v1/admin/webhooks/{id}/disable",
      administering(ctx, reason_from_json,
                    [](store::SqlConnection& db, const app::Actor& a, const PathParams& p,
                       const ReasonInput& in, const std::string& now) {
                      return app::disable_webhook(db, a, p.at("id"), in.reason, now);
                    }));
  router.add(Method::get, "/api/v1/admin/webhooks/{id}/deliveries",
             authenticated(ctx, [&ctx](auto& r, const auto& a) {
               return read_and_render(ctx, r, [&](store::SqlConnection& db) {
                 return app::webhook_delivery_list(db, a, r.path_params.at("id"));
               });
             }));
}

}  // namespace motcua::api
