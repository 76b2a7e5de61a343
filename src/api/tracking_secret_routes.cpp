// The tracking secret of a dossier for whoever may read the dossier (its applicant, the officials
// of its agencies): GET /api/v1/dossiers/{id}/tracking-secret answers {"code", "tracking_secret",
// "tracking_url"} (both null until the dossier has a code), so the receipt screen can print it,
// the applicant can read it again, and the desk can tell an applicant who lost the slip. Kept out
// of the dossier's own answer: the secret is needed on paper, not in every list and exchange.
#include <boost/json.hpp>

#include "api/public_links.hpp"
#include "api/responses.hpp"
#include "api/rights_routes.hpp"
#include "api/session_guard.hpp"
#include "app/queries/dossier_queries.hpp"

namespace motcua::api {

namespace {

http::HttpResponse tracking_secret(ApiContext& ctx, http::HttpRequest& r, const app::Actor& a) {
  const std::string id = r.path_params.at("id");
  std::optional<app::AppResult<app::DossierTrackingSecret>> found;
  try {
    ctx.store.read(
        [&](store::SqlConnection& db) { found.emplace(app::dossier_tracking_secret(db, a, id)); });
  } catch (const store::StoreUnavailable&) {
    return store_unavailable();
  }
  if (!*found) return problem_of(found->error(), r);
  const auto& [code, secret] = **found;
  boost::json::object out{
      {"code", nullptr}, {"tracking_secret", nullptr}, {"tracking_url", nullptr}};
  if (code && !secret.empty()) {
    out["code"] = *code;
    out["tracking_secret"] = secret;
    out["tracking_url"] = tracking_url(ctx, r, *code, secret);
  }
  auto response = http::HttpResponse::json(200, out);
  response.set_header("Cache-Control", "no-store");
  return response;
}

}  // namespace

void add_tracking_secret_routes(http::Router& router, ApiContext& ctx) {
  router.add(
      http::Method::get, "/api/v1/dossiers/{id}/tracking-secret",
      authenticated(ctx, [&ctx](auto& r, const auto& a) { return tracking_secret(ctx, r, a); }));
}

}  // namespace motcua::api
