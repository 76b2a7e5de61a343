// The National Public Service Portal link, administrators only:
//
//   GET /api/v1/admin/portal/reconciliation   the last reconciliation report (what the portal
//                                             holds against MotCua), run daily by the server
#include "api/json/portal_json.hpp"
#include "api/responses.hpp"
#include "api/routes.hpp"
#include "api/session_guard.hpp"

namespace motcua::api {

void add_portal_routes(http::Router& router, ApiContext& ctx) {
  router.add(http::Method::get, "/api/v1/admin/portal/reconciliation",
             authenticated(ctx, [&ctx](auto& r, const auto& a) {
               return read_and_render(ctx, r, [&](store::SqlConnection& db) {
                 return app::portal::last_reconciliation(db, a);
               });
             }));
}

}  // namespace motcua::api
