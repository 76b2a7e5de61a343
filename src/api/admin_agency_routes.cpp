// Agencies and one-stop units, administrators only; every change needs a reason (audit log).
//
//   GET   /api/v1/admin/agencies?q=            agencies of the administrator's tree, with units
//   PATCH /api/v1/admin/agencies/{id}          name, name_en, code (used in dossier codes)
//   POST  /api/v1/admin/one-stop-units         create a unit for an agency of the tree
//   PATCH /api/v1/admin/one-stop-units/{id}    name, name_en, address
#include "api/admin_agency_routes.hpp"

#include <boost/json.hpp>

#include "api/idempotent_write.hpp"
#include "api/responses.hpp"
#include "api/session_guard.hpp"
#include "app/admin/admin_agencies.hpp"
#include "app/admin/admin_users.hpp"

namespace motcua::api {

namespace json = boost::json;

void add_admin_agency_routes(http::Router& router, ApiContext& ctx) {
  using http::Method;
  router.add(Method::get, "/api/v1/admin/agencies",
             authenticated(ctx, [&ctx](auto& r, const auto& a) {
               const std::string q(r.query_value("q").value_or(""));
               app::AppResult<json::array> found = tl::unexpected(app::AppError{});
               ctx.store.read(
                   [&](store::SqlConnection& db) { found = app::list_admin_agencies(db, a, q); });
               return render(found, r);
             }));
  router.add(Method::patch, "/api/v1/admin/agencies/{id}",
             authenticated(ctx, [&ctx](auto& r, const auto& a) {
               if (auto ok = app::require_administrator(a); !ok) return problem_of(ok.error(), r);
               auto body = parse_body(r);
               if (!body) return body.error();
               return idempotent_write(ctx, r, a, [&](store::SqlConnection& db) {
                 return app::update_agency(db, a, r.path_params.at("id"), *body, ctx.now_iso());
               });
             }));
  router.add(Method::post, "/api/v1/admin/one-stop-units",
             authenticated(ctx, [&ctx](auto& r, const auto& a) {
               if (auto ok = app::require_administrator(a); !ok) return problem_of(ok.error(), r);
               auto body = parse_body(r);
               if (!body) return body.error();
               return idempotent_write(
                   ctx, r, a,
                   [&](store::SqlConnection& db) {
                     return app::create_one_stop_unit(db, a, *body, ctx.now_iso());
                   },
                   201);
             }));
  router.add(Method::patch, "/api/v1/admin/one-stop-units/{id}",
             authenticated(ctx, [&ctx](auto& r, const auto& a) {
               if (auto ok = app::require_administrator(a); !ok) return problem_of(ok.error(), r);
               auto body = parse_body(r);
               if (!body) return body.error();
               return idempotent_write(ctx, r, a, [&](store::SqlConnection& db) {
                 return app::update_one_stop_unit(db, a, r.path_params.at("id"), *body,
                                                  ctx.now_iso());
               });
             }));
}

}  // namespace motcua::api
