// Officers' helpers: the officials an action can name, the tracking book of a one-stop unit, and
// the QR code printed on receipt slips (public: it encodes only the public tracking address, and
// only for a code with its tracking secret).
#include "api/json/queries_json.hpp"
#include "api/public_links.hpp"
#include "api/responses.hpp"
#include "api/routes.hpp"
#include "api/session_guard.hpp"
#include "app/queries/dossier_queries.hpp"
#include "app/queries/officer_queries.hpp"
#include "qr/qr_svg.hpp"
#include "store/dossier_repository.hpp"
#include "store/tracking_secrets.hpp"

namespace motcua::api {

namespace {

http::HttpResponse tracking_qr(ApiContext& ctx, http::HttpRequest& r) {
  const std::string code = r.path_params.at("code");
  const std::string secret(r.query_value("secret").value_or(""));
  // Answered exactly as GET /api/v1/track/{code}: 404 for an unknown code and for a wrong or
  // missing secret alike, so this is no oracle either; drawing codes for unknown dossiers would
  // only let the endpoint be used as a free QR generator.
  std::optional<store::DossierListRow> found;
  std::string stored_secret;
  ctx.store.read([&](store::SqlConnection& db) {
    found = app::tracked_dossier(db, code, secret);
    if (found) stored_secret = store::tracking_secret_of(db, found->record.id);
  });
  if (!found) return problem_of(app::not_found("dossier code " + code), r);
  const auto svg =
      qr::svg_of(tracking_url(ctx, r, found->record.code.value_or(code), stored_secret),
                 "Mã QR tra cứu hồ sơ " + code);
  if (!svg) return problem_of(app::invalid_input("the code is too long for a QR code"), r);
  auto response = http::HttpResponse::text(200, *svg, "image/svg+xml");
  // A dossier's code never changes, so neither does its picture for a given host.
  response.set_header("Cache-Control", "public, max-age=31536000, immutable");
  response.set_header("Vary", "Host");
  return response;
}

}  // namespace

void add_officer_routes(http::Router& router, ApiContext& ctx) {
  using http::Method;
  router.add(Method::get, "/api/v1/officials", authenticated(ctx, [&ctx](auto& r, const auto& a) {
               const std::string agency(r.query_value("agency_id").value_or(""));
               const std::string role_text(r.query_value("role").value_or(""));
               std::optional<dossier::Role> role;
               if (!role_text.empty()) {
                 role = dossier::parse_role(role_text);
                 if (!role)
                   return problem_of(app::invalid_input("unknown role '" + role_text + "'"), r);
               }
               return read_and_render(ctx, r, [&](store::SqlConnection& db) {
                 return app::officials(db, a, agency, role);
               });
             }));
  router.add(Method::get, "/api/v1/tracking-book",
             authenticated(ctx, [&ctx](auto& r, const auto& a) {
               return read_and_render(ctx, r, [&](store::SqlConnection& db) {
                 return app::tracking_book(db, a, std::string(r.query_value("unit").value_or("")),
                                           std::string(r.query_value("from").value_or("")),
                                           std::string(r.query_value("to").value_or("")),
                                           ctx.utc_offset());
               });
             }));
  router.add(Method::get, "/api/v1/track/{code}/qr.svg",
             [&ctx](http::HttpRequest& r) { return tracking_qr(ctx, r); },
             {.rate_limit = &ctx.rate_limits.tracking});
}

}  // namespace motcua::api
