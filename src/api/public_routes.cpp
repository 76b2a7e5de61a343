// Routes anyone may call without logging in: tracking by dossier code, the procedure catalog, the
// agencies. The procedure's stored document is parsed here, where JSON belongs, to lay the local
// terms (app/dossier/procedure_terms.hpp) over it (api/json/local_terms_json.hpp).
#include <boost/json.hpp>
#include <memory>

#include "api/idempotent_write.hpp"
#include "api/json/dossier_json.hpp"
#include "api/json/local_terms_json.hpp"
#include "api/json/queries_json.hpp"
#include "api/json/track_lookup_json.hpp"
#include "api/responses.hpp"
#include "api/rights_routes.hpp"
#include "api/routes.hpp"
#include "api/write_then.hpp"
#include "app/accounts/accounts.hpp"
#include "app/dossier/procedure_terms.hpp"
#include "app/queries/dossier_queries.hpp"
#include "app/queries/own_dossier_lookup.hpp"
#include "app/queries/procedure_browse.hpp"
#include "app/queries/procedure_search.hpp"
#include "app/queries/public_catalog.hpp"
#include "http/problem.hpp"

namespace motcua::api {

namespace json = boost::json;

namespace {

// ?field=&level=&agency= of the procedure list and the facets (empty or absent: no filter).
app::CatalogFilterInput catalog_filter_of(const http::HttpRequest& r) {
  return {std::string(r.query_value("field").value_or("")),
          std::string(r.query_value("level").value_or("")),
          std::string(r.query_value("agency").value_or(""))};
}

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
    const auto row = app::published_procedure(db, r.path_params.at("code"));
    if (!row) {
      response = problem_of(row.error(), r);
      return;
    }
    // The terms that apply locally (docs/rules.md 6): province-wide ones always, an agency's
    // (time limit, rule, receiving address) when the citizen chose where to apply.
    const std::string agency(r.query_value("agency_id").value_or(""));
    auto document = json::parse(row->document);
    if (document.is_object()) {
      apply_local_terms(document.as_object(), app::local_terms(db, row->code, agency), agency);
    }
    json::object out{{"code", row->code},
                     {"version", row->version},
                     {"name", row->name},
                     {"field", row->field},
                     {"level", row->level},
                     {"effective_from", row->effective_from},
                     {"document", std::move(document)}};
    response = http::HttpResponse::json(200, out);
  });
  return response;
}

// Every lookup counts, found or not: the limits stop anyone guessing the phone of an ID number (or
// the reverse), per client address and per ID number. The counts live in the database as login
// failures do (migration 0009), so all servers share them.
const app::LoginThrottle kLookupsByAddress{"track_lookup_address", 10, 15 * 60};
const app::LoginThrottle kLookupsById{"track_lookup_id", 10, 15 * 60};

http::HttpResponse too_many_lookups(std::int64_t retry_after) {
  auto r = http::problem(
      429, "too_many_lookups",
      "Tra cứu quá nhiều lần; vui lòng thử lại sau " + std::to_string((retry_after + 59) / 60) +
          " phút.",
      "Too many lookups; try again in " + std::to_string((retry_after + 59) / 60) + " minutes.");
  r.set_header("Retry-After", std::to_string(retry_after));
  return r;
}

// POST, not GET: the ID number and phone stay out of URLs and access logs.
void lookup_own_dossiers(ApiContext& ctx, http::HttpRequest& r, http::Respond respond) {
  auto body = parse_body(r);
  if (!body) return answer_now(respond, body.error());
  auto lookup = app::read_own_dossier_lookup(own_dossier_lookup_from_json(*body));
  if (!lookup) return answer_now(respond, problem_of(lookup.error(), r));
  const auto now_s = ctx.now().seconds;
  const std::string address = r.client();
  std::int64_t wait = 0;
  ctx.store.read([&](store::SqlConnection& db) {
    wait = std::max(kLookupsByAddress.retry_after(db, address, now_s),
                    kLookupsById.retry_after(db, lookup->id_number, now_s));
  });
  if (wait > 0) return answer_now(respond, too_many_lookups(wait));
  auto found = std::make_shared<std::vector<app::OwnDossierItem>>();
  write_then(
      ctx,
      [found, lookup = std::move(*lookup), address, now_s,
       offset = ctx.utc_offset()](store::SqlConnection& db) {
        kLookupsByAddress.record_failure(db, address, now_s);
        kLookupsById.record_failure(db, lookup.id_number, now_s);
        *found = app::own_dossiers(db, lookup, offset);
      },
      [found] {
        auto response = http::HttpResponse::json(200, json::value_from(*found));
        response.set_header("Cache-Control", "no-store");
        return response;
      },
      std::move(respond));
}

// GET /api/v1/track/{code}: the code's row first; the history is read and the view rendered only
// when this version's answer is not kept (api/tracking_answers.hpp). Both reads are one
// transaction, so the view rendered is the version checked.
http::HttpResponse tracking_answer(ApiContext& ctx, const http::HttpRequest& request,
                                   const std::string& code, const std::string& secret) {
  const int offset = ctx.utc_offset();
  std::optional<app::AppResult<app::TrackedVersion>> key;
  std::shared_ptr<const http::HttpResponse> kept;
  std::optional<app::AppResult<app::TrackingView>> view;
  try {
    ctx.store.read([&](store::SqlConnection& db) {
      key.emplace(app::tracked_version(db, code, secret));
      if (!*key) return;
      kept = ctx.tracking_answers.find((*key)->dossier_id, (*key)->version, offset);
      if (!kept) view.emplace(app::track(db, code, secret, offset));
    });
  } catch (const store::StoreUnavailable&) {
    return store_unavailable();
  }
  if (!*key) return problem_of(key->error(), request);
  if (kept) return *kept;
  auto answer = render(*view, request);
  if (answer.status == 200)
    ctx.tracking_answers.keep((*key)->dossier_id, (*key)->version, offset, answer);
  return answer;
}

}  // namespace

void add_public_routes(http::Router& router, ApiContext& ctx) {
  using http::Method;
  router.add(Method::get, "/api/v1/track/{code}",
             [&ctx](http::HttpRequest& r) {
               // Every request, right or wrong, takes a token of the tracking limit: guessing
               // secrets is as slow as guessing codes was.
               const std::string secret(r.query_value("secret").value_or(""));
               return tracking_answer(ctx, r, r.path_params.at("code"), secret);
             },
             {.rate_limit = &ctx.rate_limits.tracking});
  router.add_async(Method::post, "/api/v1/track/lookup",
                   [&ctx](http::HttpRequest& r, http::Respond respond) {
                     lookup_own_dossiers(ctx, r, std::move(respond));
                   },
                   {.max_body_bytes = 4096});
  router.add(Method::get, "/api/v1/procedures",
             [&ctx](http::HttpRequest& r) {
               std::vector<app::ProcedureMatch> found;
               const std::string q(r.query_value("q").value_or(""));
               const auto filter = catalog_filter_of(r);
               ctx.store.read([&](store::SqlConnection& db) {
                 // Browsing by field, level or agency narrows exactly; typo tolerance is for the
                 // free search.
                 found = filter.any() ? app::browse_procedures(db, filter, q, limit_of(r, 20, 200))
                                      : app::search_procedures(db, q, limit_of(r, 20, 200));
               });
               return http::HttpResponse::json(200, json::value_from(found));
             },
             {.rate_limit = &ctx.rate_limits.search});
  router.add(Method::get, "/api/v1/catalog/facets", [&ctx](http::HttpRequest& r) {
    app::CatalogFacetsView facets;
    const auto filter = catalog_filter_of(r);
    ctx.store.read([&](store::SqlConnection& db) { facets = app::catalog_facets(db, filter); });
    return http::HttpResponse::json(200, json::value_from(facets));
  });
  router.add(Method::get, "/api/v1/catalog/most-used", [&ctx](http::HttpRequest& r) {
    std::vector<app::MostUsedProcedure> used;
    const std::string today = ctx.now_iso().substr(0, 10);
    ctx.store.read([&](store::SqlConnection& db) {
      used = app::most_used_procedures(db, today, limit_of(r, 8, 50));
    });
    return http::HttpResponse::json(200, json::value_from(used));
  });
  router.add(Method::get, "/api/v1/procedures/{code}",
             [&ctx](http::HttpRequest& r) { return procedure(ctx, r); });
  router.add(Method::get, "/api/v1/agencies", [&ctx](http::HttpRequest& r) {
    const std::string parent(r.query_value("parent").value_or(""));
    json::array out;
    ctx.store.read([&](store::SqlConnection& db) {
      for (const auto& row : app::agencies_under(db, parent)) out.push_back(agency_json(row));
    });
    return http::HttpResponse::json(200, out);
  });
  router.add(Method::get, "/api/v1/one-stop-units", [&ctx](http::HttpRequest&) {
    json::array out;
    ctx.store.read([&](store::SqlConnection& db) {
      for (const auto& row : app::one_stop_units(db)) out.push_back(unit_json(row));
    });
    return http::HttpResponse::json(200, out);
  });
}

void add_api_routes(http::Router& router, ApiContext& ctx) {
  add_session_routes(router, ctx);
  add_account_routes(router, ctx);
  add_second_factor_routes(router, ctx);
  add_dossier_routes(router, ctx);
  add_public_routes(router, ctx);
  add_paper_routes(router, ctx);
  add_paper_store_routes(router, ctx);
  add_process_routes(router, ctx);
  add_citizen_routes(router, ctx);
  add_feedback_routes(router, ctx);
  add_officer_routes(router, ctx);
  add_document_routes(router, ctx);
  add_result_routes(router, ctx);
  add_consultation_routes(router, ctx);
  add_statistics_routes(router, ctx);
  add_admin_routes(router, ctx);
  add_queue_routes(router, ctx);
  add_warning_routes(router, ctx);
  add_notification_routes(router, ctx);
  add_personal_data_routes(router, ctx);
  add_tracking_secret_routes(router, ctx);
  add_postal_routes(router, ctx);
  add_payment_routes(router, ctx);
  add_oidc_routes(router, ctx);
  add_webhook_routes(router, ctx);
  add_open311_routes(router, ctx);
  add_feedback_review_routes(router, ctx);
  add_exchange_routes(router, ctx);
  add_outbox_routes(router, ctx);
  add_openapi_route(router);
}

}  // namespace motcua::api
