// Agencies and one-stop units, administrators only; every change needs a reason (audit log).
//
//   GET   /api/v1/admin/agencies?q=            agencies of the administrator's tree, with units
//   PATCH /api/v1/admin/agencies/{id}          name, name_en, code (used in dossier codes)
//   POST  /api/v1/admin/one-stop-units         create a unit for an agency of the tree
//   PATCH /api/v1/admin/one-stop-units/{id}    name, name_en, address
//   GET   /api/v1/admin/audit?actor=&action=&from=&to=&page=&per_page=   the audit log, newest
//   first
#include "api/admin_agency_routes.hpp"

#include "api/admin_write.hpp"
#include "api/json/admin_json.hpp"
#include "api/json/audit_json.hpp"
#include "api/responses.hpp"
#include "api/session_guard.hpp"
#include "app/admin/admin_agencies.hpp"
#include "app/admin/admin_users.hpp"
#include "app/admin/audit_reading.hpp"

namespace motcua::api {

void add_admin_agency_routes(http::Router& router, ApiContext& ctx) {
  using http::Method;
  router.add(Method::get, "/api/v1/admin/audit", authenticated(ctx, [&ctx](auto& r, const auto& a) {
               const auto param = [&r](const char* name, const char* fallback) {
                 return std::string(r.query_value(name).value_or(fallback));
               };
               const app::AuditQuery query{param("actor", ""), param("action", ""),
                                           param("from", ""),  param("to", ""),
                                           param("page", "1"), param("per_page", "50")};
               return read_and_render(
                   ctx, r, [&](store::SqlConnection& db) { return app::read_audit(db, a, query); });
             }));
  router.add(
      Method::get, "/api/v1/admin/agencies", authenticated(ctx, [&ctx](auto& r, const auto& a) {
        const std::string q(r.query_value("q").value_or(""));
        return read_and_render(
            ctx, r, [&](store::SqlConnection& db) { return app::list_admin_agencies(db, a, q); });
      }));
  router.add_async(
      Method::patch, "/api/v1/admin/agencies/{id}",
      administering(ctx, agency_edit_from_json,
                    [](store::SqlConnection& db, const app::Actor& a, const PathParams& p,
                       const app::AgencyEdit& edit, const std::string& now) {
                      return app::update_agency(db, a, p.at("id"), edit, now);
                    }));
  router.add_async(Method::post, "/api/v1/admin/one-stop-units",
                   administering(
                       ctx, new_unit_from_json,
                       [](store::SqlConnection& db, const app::Actor& a, const PathParams&,
                          const app::NewUnit& unit, const std::string& now) {
                         return app::create_one_stop_unit(db, a, unit, now);
                       },
                       201));
  router.add_async(
      Method::patch, "/api/v1/admin/one-stop-units/{id}",
      administering(ctx, unit_edit_from_json,
                    [](store::SqlConnection& db, const app::Actor& a, const PathParams& p,
                       const app::UnitEdit& edit, const std::string& now) {
                      return app::update_one_stop_unit(db, a, p.at("id"), edit, now);
                    }));
}

}  // namespace motcua::api
