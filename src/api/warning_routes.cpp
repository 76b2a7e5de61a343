// Warnings before a breach and escalations (app/warnings/due_warnings.hpp):
//
//   GET /api/v1/warnings                   an official's due-soon, escalated and overrun dossiers
//   GET /api/v1/admin/warning-hours        the threshold in working hours and its last change
//                                          (who, when, why: administrators need no audit access)
//   PUT /api/v1/admin/warning-hours        change it, with a reason (audit log)
#include "api/admin_write.hpp"
#include "api/json/warnings_json.hpp"
#include "api/responses.hpp"
#include "api/routes.hpp"
#include "api/session_guard.hpp"
#include "app/warnings/due_warnings.hpp"

namespace motcua::api {

namespace {

// The threshold as read by an administrator, with its last change (api/json/warnings_json.hpp).
struct HoursView {
  app::WarningThreshold threshold;
  friend void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const HoursView& v) {
    out = warning_hours_json(v.threshold);
  }
};

}  // namespace

void add_warning_routes(http::Router& router, ApiContext& ctx) {
  using http::Method;
  router.add(Method::get, "/api/v1/warnings", authenticated(ctx, [&ctx](auto& r, const auto& a) {
               return read_and_render(ctx, r, [&](store::SqlConnection& db) {
                 return app::warnings_for(db, a, ctx.calendar, ctx.now());
               });
             }));
  router.add(Method::get, "/api/v1/admin/warning-hours",
             authenticated(ctx, [&ctx](auto& r, const auto& a) {
               return read_and_render(ctx, r,
                                      [&](store::SqlConnection& db) -> app::AppResult<HoursView> {
                                        if (auto ok = app::require_administrator(a); !ok)
                                          return tl::unexpected(ok.error());
                                        return HoursView{app::warning_threshold(db)};
                                      });
             }));
  router.add_async(Method::put, "/api/v1/admin/warning-hours",
                   administering(ctx, warning_hours_from_json,
                                 [](store::SqlConnection& db, const app::Actor& a,
                                    const PathParams&, const WarningHoursInput& in,
                                    const std::string& now) -> app::AppResult<HoursView> {
                                   auto set =
                                       app::set_warning_hours(db, a, in.hours, in.reason, now);
                                   if (!set) return tl::unexpected(set.error());
                                   return HoursView{app::warning_threshold(db)};
                                 }));
}

}  // namespace motcua::api
