// Agencies and one-stop units, administrators only; every change needs a reason (audit log).
//
//   GET   /api/v1/admin/agencies?q=            agencies of the administrator's tree, with units
//   PATCH /api/v1/admin/agencies/{id}          name, name_en, code (used in dossier codes)
//   POST  /api/v1/admin/one-stop-units         create a unit for an agency of the tree
//   PATCH /api/v1/admin/one-stop-units/{id}    name, name_en, address
#include "api/admin_agency_routes.hpp"

#include "api/idempotent_write.hpp"
#include "api/json/admin_json.hpp"
#include "api/json/write_result.hpp"
#include "api/responses.hpp"
#include "api/session_guard.hpp"
#include "app/admin/admin_agencies.hpp"
#include "app/admin/admin_users.hpp"

namespace motcua::api {

void add_admin_agency_routes(http::Router& router, ApiContext& ctx) {
  using http::Method;
  router.add(
      Method::get, "/api/v1/admin/agencies", authenticated(ctx, [&ctx](auto& r, const auto& a) {
        const std::string q(r.query_value("q").value_or(""));
        return read_and_render(
            ctx, r, [&](store::SqlConnection& db) { return app::list_admin_agencies(db, a, q); });
      }));
  router.add(Method::patch, "/api/v1/admin/agencies/{id}",
             authenticated(ctx, [&ctx](auto& r, const auto& a) {
               if (auto ok = app::require_administrator(a); !ok) return problem_of(ok.error(), r);
               auto body = parse_body(r);
               if (!body) return body.error();
               const auto edit = agency_edit_from_json(*body);
               return idempotent_write(ctx, r, a, [&](store::SqlConnection& db) {
                 return as_json_object(
                     app::update_agency(db, a, r.path_params.at("id"), edit, ctx.now_iso()));
               });
             }));
  router.add(Method::post, "/api/v1/admin/one-stop-units",
             authenticated(ctx, [&ctx](auto& r, const auto& a) {
               if (auto ok = app::require_administrator(a); !ok) return problem_of(ok.error(), r);
               auto body = parse_body(r);
               if (!body) return body.error();
               const auto unit = new_unit_from_json(*body);
               if (!unit) return problem_of(unit.error(), r);
               return idempotent_write(
                   ctx, r, a,
                   [&](store::SqlConnection& db) {
                     return as_json_object(app::create_one_stop_unit(db, a, *unit, ctx.now_iso()));
                   },
                   201);
             }));
  router.add(Method::patch, "/api/v1/admin/one-stop-units/{id}",
             authenticated(ctx, [&ctx](auto& r, const auto& a) {
               if (auto ok = app::require_administrator(a); !ok) return problem_of(ok.error(), r);
               auto body = parse_body(r);
               if (!body) return body.error();
               const auto edit = unit_edit_from_json(*body);
               return idempotent_write(ctx, r, a, [&](store::SqlConnection& db) {
                 return as_json_object(
                     app::update_one_stop_unit(db, a, r.path_params.at("id"), edit, ctx.now_iso()));
               });
             }));
}

}  // namespace motcua::api
