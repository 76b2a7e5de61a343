// On-time statistics: public figures per agency, procedure and month; leaders' figures per unit and
// official, overdue dossiers with their causes, who used the time; the leader's approval queue.
// Each statistics request first brings the read model up to date
// (app/statistics/statistics_refresh.hpp), then aggregates in SQL on a reader connection.
#include "api/json/statistics_json.hpp"
#include "api/responses.hpp"
#include "api/routes.hpp"
#include "api/session_guard.hpp"
#include "app/statistics/statistics.hpp"
#include "app/statistics/statistics_refresh.hpp"

namespace motcua::api {

namespace {

app::StatisticsQuery query_of(const http::HttpRequest& r) {
  app::StatisticsQuery q;
  q.group = std::string(r.query_value("group").value_or("agency"));
  q.from = std::string(r.query_value("from").value_or(""));
  q.to = std::string(r.query_value("to").value_or(""));
  q.agency_id = std::string(r.query_value("agency_id").value_or(""));
  return q;
}

// Each use case answers its own view type, hence templates rather than function pointers.
template <typename UseCase>
http::Handler public_handler(ApiContext& ctx, UseCase use_case) {
  return [&ctx, use_case](http::HttpRequest& r) {
    // One calendar for the whole request, even if an administrator replaces it meanwhile.
    const auto cal = ctx.calendar.snapshot();
    app::refresh_statistics(ctx.store, *cal);
    const auto q = query_of(r);
    return read_and_render(
        ctx, r, [&](store::SqlConnection& db) { return use_case(db, *cal, q, ctx.now()); });
  };
}

template <typename UseCase>
http::Handler leader_handler(ApiContext& ctx, UseCase use_case) {
  return authenticated(ctx, [&ctx, use_case](http::HttpRequest& r, const app::Actor& actor) {
    const auto cal = ctx.calendar.snapshot();
    app::refresh_statistics(ctx.store, *cal);
    const auto q = query_of(r);
    return read_and_render(
        ctx, r, [&](store::SqlConnection& db) { return use_case(db, *cal, actor, q, ctx.now()); });
  });
}

}  // namespace

void add_statistics_routes(http::Router& router, ApiContext& ctx) {
  using http::Method;
  router.add(Method::get, "/api/v1/statistics/on-time",
             public_handler(ctx, &app::on_time_statistics));
  router.add(Method::get, "/api/v1/statistics/index-766", public_handler(ctx, &app::index_766));
  router.add(Method::get, "/api/v1/statistics/officials",
             leader_handler(ctx, &app::official_statistics));
  router.add(Method::get, "/api/v1/statistics/overdue",
             leader_handler(ctx, &app::overdue_statistics));
  router.add(Method::get, "/api/v1/statistics/time-used",
             leader_handler(ctx, &app::time_used_statistics));
  router.add(Method::get, "/api/v1/approvals",
             authenticated(ctx, [&ctx](http::HttpRequest& r, const app::Actor& actor) {
               const auto cal = ctx.calendar.snapshot();
               return read_and_render(ctx, r, [&](store::SqlConnection& db) {
                 return app::approval_queue(db, *cal, actor, ctx.now());
               });
             }));
}

}  // namespace motcua::api
