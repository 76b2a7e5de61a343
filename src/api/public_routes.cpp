// Routes anyone may call without logging in: tracking by dossier code, the procedure catalog, the
// agencies.
#include <boost/json.hpp>

#include "api/json/dossier_json.hpp"
#include "api/responses.hpp"
#include "api/routes.hpp"
#include "app/dossier/procedure_terms.hpp"
#include "app/queries/dossier_queries.hpp"

namespace motcua::api {

namespace json = boost::json;

namespace {

constexpr const char* kProcedure =
    "SELECT code, version, name, field, level, effective_from, document FROM procedures "
    "WHERE code = ? ORDER BY version DESC LIMIT 1";
constexpr const char* kAgencies =
    "SELECT id, code, name, name_en, kind, parent_id FROM agencies WHERE "
    "(? = '' AND parent_id IS NULL) OR parent_id = ? ORDER BY name LIMIT 500";
constexpr const char* kUnits =
    "SELECT id, agency_id, name, name_en, address FROM one_stop_units ORDER BY name";

int limit_of(const http::HttpRequest& r, int fallback, int max) {
  const auto text = r.query_value("limit");
  if (!text) return fallback;
  try {
    return std::clamp(std::stoi(std::string(*text)), 1, max);
  } catch (...) {
    return fallback;
  }
}

http::HttpResponse procedure(ApiContext& ctx, http::HttpRequest& r) {
  http::HttpResponse response;
  ctx.store.read([&](store::SqlConnection& db) {
    const auto row = db.query_one(kProcedure, {r.path_params.at("code")});
    if (!row) {
      response = problem_of(app::not_found("procedure " + r.path_params.at("code")), r);
      return;
    }
    // The terms that apply locally (docs/rules.md 6): province-wide ones always, an agency's
    // (time limit, rule, receiving address) when the citizen chose where to apply.
    const std::string code = row->text(0);
    const std::string agency(r.query_value("agency_id").value_or(""));
    auto document = json::parse(row->text(6));
    if (document.is_object()) {
      document = app::apply_local_terms(db, std::move(document.as_object()), code, agency);
    }
    json::object out{{"code", code},
                     {"version", row->integer(1)},
                     {"name", row->text(2)},
                     {"field", row->text(3)},
                     {"level", row->text(4)},
                     {"effective_from", row->text(5)},
                     {"document", std::move(document)}};
    response = http::HttpResponse::json(200, out);
  });
  return response;
}

}  // namespace

void add_public_routes(http::Router& router, ApiContext& ctx) {
  using http::Method;
  router.add(Method::get, "/api/v1/track/{code}", [&ctx](http::HttpRequest& r) {
    return read_and_render(ctx, r, [&](store::SqlConnection& db) {
      return app::track(db, r.path_params.at("code"), ctx.utc_offset());
    });
  });
  router.add(Method::get, "/api/v1/procedures", [&ctx](http::HttpRequest& r) {
    json::array found;
    const std::string q(r.query_value("q").value_or(""));
    ctx.store.read([&](store::SqlConnection& db) {
      found = app::search_procedures(db, q, limit_of(r, 20, 200));
    });
    return http::HttpResponse::json(200, found);
  });
  router.add(Method::get, "/api/v1/procedures/{code}",
             [&ctx](http::HttpRequest& r) { return procedure(ctx, r); });
  router.add(Method::get, "/api/v1/agencies", [&ctx](http::HttpRequest& r) {
    const std::string parent(r.query_value("parent").value_or(""));
    json::array out;
    ctx.store.read([&](store::SqlConnection& db) {
      for (const auto& row : db.query(kAgencies, {parent, parent})) {
        out.push_back(json::object{
            {"id", row.text(0)},
            {"code", row.text(1)},
            {"name", row.text(2)},
            {"name_en", row.text(3)},
            {"kind", row.text(4)},
            {"parent_id", row.is_null(5) ? json::value(nullptr) : json::value(row.text(5))}});
      }
    });
    return http::HttpResponse::json(200, out);
  });
  router.add(Method::get, "/api/v1/one-stop-units", [&ctx](http::HttpRequest&) {
    json::array out;
    ctx.store.read([&](store::SqlConnection& db) {
      for (const auto& row : db.query(kUnits)) {
        out.push_back(json::object{{"id", row.text(0)},
                                   {"agency_id", row.text(1)},
                                   {"name", row.text(2)},
                                   {"name_en", row.text(3)},
                                   {"address", row.text(4)}});
      }
    });
    return http::HttpResponse::json(200, out);
  });
}

void add_api_routes(http::Router& router, ApiContext& ctx) {
  add_session_routes(router, ctx);
  add_dossier_routes(router, ctx);
  add_public_routes(router, ctx);
  add_paper_routes(router, ctx);
  add_process_routes(router, ctx);
  add_citizen_routes(router, ctx);
  add_officer_routes(router, ctx);
  add_statistics_routes(router, ctx);
  add_admin_routes(router, ctx);
  add_openapi_route(router);
}

}  // namespace motcua::api
