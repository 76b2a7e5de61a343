// The outbox as administrators see it (app/delivery/outbox_admin.hpp); administrators only.
//
//   GET  /api/v1/admin/outbox                                   per topic: connection and counts
//   GET  /api/v1/admin/outbox/messages?topic=&state=&limit=     messages, newest first
//   POST /api/v1/admin/outbox/messages/{id}/retry   {reason?}   a dead or retrying message: now
//   POST /api/v1/admin/outbox/messages/{id}/cancel  {reason}    never send it
#include <charconv>

#include "api/admin_write.hpp"
#include "api/json/outbox_json.hpp"
#include "api/responses.hpp"
#include "api/routes.hpp"
#include "api/session_guard.hpp"
#include "app/delivery/outbox_admin.hpp"

namespace motcua::api {

namespace {

// An id that is not a whole number names no message.
std::int64_t message_id(const PathParams& params) {
  const auto& text = params.at("id");
  std::int64_t id = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
  return ec == std::errc() && end == text.data() + text.size() ? id : -1;
}

}  // namespace

void add_outbox_routes(http::Router& router, ApiContext& ctx) {
  using http::Method;
  router.add(Method::get, "/api/v1/admin/outbox",
             authenticated(ctx, [&ctx](auto& r, const auto& a) {
               const auto now_s = ctx.now().seconds;
               return read_and_render(ctx, r, [&](store::SqlConnection& db) {
                 return app::delivery::outbox_overview(db, a, ctx.delivery_adapters, now_s);
               });
             }));
  router.add(Method::get, "/api/v1/admin/outbox/messages",
             authenticated(ctx, [&ctx](auto& r, const auto& a) {
               const app::delivery::OutboxQuery query{
                   std::string(r.query_value("topic").value_or("")),
                   std::string(r.query_value("state").value_or("")),
                   std::string(r.query_value("limit").value_or("50"))};
               return read_and_render(ctx, r, [&](store::SqlConnection& db) {
                 return app::delivery::list_outbox_messages(db, a, query);
               });
             }));
  router.add_async(
      Method::post, "/api/v1/admin/outbox/messages/{id}/retry",
      administering(ctx, outbox_reason_from_json,
                    [&ctx](store::SqlConnection& db, const app::Actor& a, const PathParams& p,
                           const std::string& reason, const std::string& now) {
                      return app::delivery::retry_outbox_message(db, a, message_id(p), reason,
                                                                 ctx.now().seconds, now);
                    }));
  router.add_async(
      Method::post, "/api/v1/admin/outbox/messages/{id}/cancel",
      administering(ctx, outbox_reason_from_json,
                    [&ctx](store::SqlConnection& db, const app::Actor& a, const PathParams& p,
                           const std::string& reason, const std::string& now) {
                      return app::delivery::cancel_outbox_message(db, a, message_id(p), reason,
                                                                  ctx.now().seconds, now);
                    }));
}

}  // namespace motcua::api
