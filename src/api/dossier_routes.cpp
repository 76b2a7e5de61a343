// Dossiers: create (online submission or counter intake), read, every command of the lifecycle,
// the work queue and the applicant's own list.
#include <boost/json.hpp>

#include "api/idempotent_write.hpp"
#include "api/responses.hpp"
#include "api/routes.hpp"
#include "api/session_guard.hpp"
#include "app/dossier/dossier_workspace.hpp"
#include "app/queries/dossier_queries.hpp"

namespace motcua::api {

namespace json = boost::json;
using dossier::CommandKind;

namespace {

// URL segment -> command. Kebab case in URLs, as the rest of the API.
constexpr std::pair<const char*, CommandKind> kCommandRoutes[] = {
    {"submit", CommandKind::submit},
    {"accept", CommandKind::accept},
    {"request-supplement", CommandKind::request_supplement},
    {"provide-supplement", CommandKind::provide_supplement},
    {"refuse", CommandKind::refuse},
    {"assign", CommandKind::assign},
    {"forward", CommandKind::forward},
    {"send-back", CommandKind::send_back},
    {"consult", CommandKind::consult},
    {"reply-consultation", CommandKind::reply_to_consultation},
    {"request-payment", CommandKind::request_payment},
    {"confirm-payment", CommandKind::confirm_payment},
    {"apology", CommandKind::issue_apology},
    {"approve", CommandKind::approve},
    {"reject", CommandKind::reject_after_review},
    {"return-result", CommandKind::return_result},
    {"request-withdrawal", CommandKind::request_withdrawal},
    {"cancel-withdrawal", CommandKind::cancel_withdrawal},
    {"stop", CommandKind::stop},
};

constexpr std::size_t kCommandBodyLimit = 64 * 1024;

std::string text_field(const json::object& o, const char* key) {
  const auto* v = o.if_contains(key);
  return v != nullptr && v->is_string() ? std::string(v->as_string()) : std::string();
}

tl::expected<app::NewDossier, app::AppError> new_dossier_from(const json::value& body,
                                                              const app::Actor& actor) {
  if (!body.is_object())
    return tl::unexpected(app::invalid_input("the body must be a JSON object"));
  const auto& o = body.as_object();
  app::NewDossier d;
  d.procedure_code = text_field(o, "procedure_code");
  d.variant = text_field(o, "variant");
  d.agency_id = text_field(o, "agency_id");
  if (auto unit = text_field(o, "receiving_unit_id"); !unit.empty()) d.receiving_unit_id = unit;
  if (d.procedure_code.empty() || d.agency_id.empty()) {
    return tl::unexpected(app::invalid_input("'procedure_code' and 'agency_id' are required"));
  }
  if (const auto* a = o.if_contains("applicant"); a != nullptr && a->is_object()) {
    const auto& ao = a->as_object();
    d.applicant = {text_field(ao, "name"), text_field(ao, "id_number"), text_field(ao, "address"),
                   text_field(ao, "phone"), text_field(ao, "email")};
  }
  if (d.applicant.name.empty() && actor.applicant) d.applicant.name = actor.display_name;
  const auto channel_of =
      [&](const char* key,
          dossier::Channel fallback) -> tl::expected<dossier::Channel, app::AppError> {
    const auto text = text_field(o, key);
    if (text.empty()) return fallback;
    const auto c = dossier::parse_channel(text);
    if (!c)
      return tl::unexpected(
          app::invalid_input(std::string("'") + key + "' must be counter, post or online"));
    return *c;
  };
  auto channel =
      channel_of("channel", actor.applicant ? dossier::Channel::online : dossier::Channel::counter);
  if (!channel) return tl::unexpected(channel.error());
  d.channel = *channel;
  auto ret = channel_of("return_channel", *channel);
  if (!ret) return tl::unexpected(ret.error());
  d.return_channel = *ret;
  if (const auto* s = o.if_contains("submit"); s != nullptr && s->is_bool())
    d.submit = s->as_bool();
  return d;
}

http::HttpResponse create(ApiContext& ctx, http::HttpRequest& r, const app::Actor& actor) {
  auto body = parse_body(r);
  if (!body) return body.error();
  auto input = new_dossier_from(*body, actor);
  if (!input) return problem_of(input.error(), r);
  // The checklist of papers handed over at the counter (originals and copies), for the receipt.
  const auto* list = body->is_object() ? body->as_object().if_contains("papers_received") : nullptr;
  auto papers = app::parse_received_papers(list);
  if (!papers) return problem_of(papers.error(), r);
  return idempotent_write(
      ctx, r, actor,
      [&](store::SqlConnection& db) -> app::AppResult<json::object> {
        auto created = ctx.dossiers.create(db, actor, *input);
        if (!created || papers->empty()) return created;
        if (actor.applicant) {
          return tl::unexpected(
              app::invalid_input("'papers_received' is recorded by reception at the counter"));
        }
        app::record_received_papers(db, actor, std::string((*created)["id"].as_string()), *papers,
                                    ctx.now_iso());
        (*created)["received_papers"] = *papers;
        return created;
      },
      201);
}

http::HttpResponse command(ApiContext& ctx, http::HttpRequest& r, const app::Actor& actor,
                           CommandKind kind) {
  auto body = parse_body(r);
  if (!body) return body.error();
  const std::string id = r.path_params.at("id");
  return idempotent_write(ctx, r, actor, [&](store::SqlConnection& db) {
    return ctx.dossiers.act(db, actor, id, kind, *body);
  });
}

http::HttpResponse detail(ApiContext& ctx, http::HttpRequest& r, const app::Actor& actor) {
  app::AppResult<json::object> result = tl::unexpected(app::AppError{});
  ctx.store.read([&](store::SqlConnection& db) {
    result = ctx.dossiers.detail(db, actor, r.path_params.at("id"));
  });
  return render(result, r);
}

app::QueueQuery queue_query(const http::HttpRequest& r) {
  app::QueueQuery q;
  for (auto [it, end] = r.query.equal_range("status"); it != end; ++it)
    q.statuses.push_back(it->second);
  q.mine_only = r.query_value("mine").value_or("") == "1";
  q.applicant = std::string(r.query_value("applicant").value_or(""));
  q.lateness = std::string(r.query_value("lateness").value_or(""));
  q.procedure_code = std::string(r.query_value("procedure").value_or(""));
  return q;
}

}  // namespace

void add_dossier_routes(http::Router& router, ApiContext& ctx) {
  using http::Method;
  router.add(Method::post, "/api/v1/dossiers",
             authenticated(ctx, [&ctx](auto& r, const auto& a) { return create(ctx, r, a); }),
             {.max_body_bytes = kCommandBodyLimit});
  router.add(Method::get, "/api/v1/dossiers/{id}",
             authenticated(ctx, [&ctx](auto& r, const auto& a) { return detail(ctx, r, a); }));
  for (const auto& [segment, kind] : kCommandRoutes) {
    const CommandKind k = kind;
    router.add(
        Method::post, std::string("/api/v1/dossiers/{id}/") + segment,
        authenticated(ctx, [&ctx, k](auto& r, const auto& a) { return command(ctx, r, a, k); }),
        {.max_body_bytes = kCommandBodyLimit});
  }
  router.add(Method::get, "/api/v1/queue", authenticated(ctx, [&ctx](auto& r, const auto& a) {
               app::AppResult<json::array> result = tl::unexpected(app::AppError{});
               ctx.store.read([&](store::SqlConnection& db) {
                 result = app::work_queue(db, a, queue_query(r), ctx.calendar, ctx.now());
               });
               return render(result, r);
             }));
  router.add(Method::get, "/api/v1/my/dossiers", authenticated(ctx, [&ctx](auto& r, const auto& a) {
               app::AppResult<json::array> result = tl::unexpected(app::AppError{});
               ctx.store.read([&](store::SqlConnection& db) {
                 result = app::my_dossiers(db, a, ctx.calendar, ctx.now());
               });
               return render(result, r);
             }));
}

}  // namespace motcua::api
