// Dossiers: create (online submission or counter intake), read, every command of the lifecycle,
// the work queue and the applicant's own list.
#include <boost/json.hpp>

#include "api/idempotent_write.hpp"
#include "api/json/dossier_json.hpp"
#include "api/responses.hpp"
#include "api/routes.hpp"
#include "api/session_guard.hpp"
#include "app/dossier/dossier_access.hpp"
#include "app/dossier/dossier_workspace.hpp"
#include "app/queries/dossier_queries.hpp"
#include "codec/command_json.hpp"

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

// The committed dossier's view, as the write's answer: built after the commit, on a reader.
auto view_for(ApiContext& ctx, const app::Actor& actor) {
  return [&ctx, actor](store::SqlConnection& db, const app::CommittedDossier& committed) {
    return ctx.dossiers.view(db, actor, committed);
  };
}

void create(ApiContext& ctx, http::HttpRequest& r, const app::Actor& actor, http::Respond respond) {
  auto body = parse_body(r);
  if (!body) return answer_now(respond, body.error());
  auto input = new_dossier_from_json(*body, actor);
  if (!input) return answer_now(respond, problem_of(input.error(), r));
  // The checklist of papers handed over at the counter (originals and copies), for the receipt.
  const auto* list = body->is_object() ? body->as_object().if_contains("papers_received") : nullptr;
  auto papers = received_papers_from_json(list);
  if (!papers) return answer_now(respond, problem_of(papers.error(), r));
  idempotent_write_viewed(
      ctx, r, actor,
      [&ctx, actor, input = std::move(*input), papers = std::move(*papers)](
          store::SqlConnection& db) -> app::AppResult<app::CommittedDossier> {
        auto created = ctx.dossiers.create(db, actor, input);
        if (!created) return created;
        if (!papers.empty()) {
          if (actor.applicant) {
            return tl::unexpected(
                app::invalid_input("'papers_received' is recorded by reception at the counter"));
          }
          app::record_received_papers(db, actor, created->record.id, papers, ctx.now_iso());
        }
        return created;
      },
      view_for(ctx, actor), minimal_dossier_json, 201, std::move(respond));
}

void command(ApiContext& ctx, http::HttpRequest& r, const app::Actor& actor, CommandKind kind,
             http::Respond respond) {
  auto body = parse_body(r);
  if (!body) return answer_now(respond, body.error());
  std::string id = r.path_params.at("id");
  auto decoded = codec::command_from_json(kind, *body, ctx.utc_offset());
  if (!decoded) {
    // A dossier the actor may not see stays not found, whatever the body says (as when the body
    // was read inside the use case).
    app::AppResult<void> visible = tl::unexpected(app::AppError{});
    ctx.store.read(
        [&](store::SqlConnection& db) { visible = app::may_see_dossier(db, actor, id); });
    if (!visible) return answer_now(respond, problem_of(visible.error(), r));
    return answer_now(respond, problem_of(app::invalid_input(decoded.error()), r));
  }
  auto override_reason = api::override_reason_from_json(*body);
  if (!override_reason) return answer_now(respond, problem_of(override_reason.error(), r));
  idempotent_write_viewed(
      ctx, r, actor,
      [&ctx, actor, id = std::move(id), command = std::move(*decoded),
       override_reason = std::move(*override_reason)](store::SqlConnection& db) {
        return ctx.dossiers.act(db, actor, id, command, override_reason);
      },
      view_for(ctx, actor), minimal_dossier_json, 200, std::move(respond));
}

// The hand-over to the processing agency (Decree 61 Art. 18): not a command of the state machine,
// a fact the clock judges; the body may carry a `note` for the log.
void transfer(ApiContext& ctx, http::HttpRequest& r, const app::Actor& actor,
              http::Respond respond) {
  auto body = parse_body(r);
  if (!body) return answer_now(respond, body.error());
  std::string note;
  if (body->is_object()) {
    const auto* n = body->as_object().if_contains("note");
    if (n && !n->is_null() && !n->is_string())
      return answer_now(respond, problem_of(app::invalid_input("'note' must be text"), r));
    if (n && n->is_string()) note = std::string(n->as_string());
  }
  idempotent_write_viewed(
      ctx, r, actor,
      [&ctx, actor, id = r.path_params.at("id"), note = std::move(note)](store::SqlConnection& db) {
        return ctx.dossiers.transfer(db, actor, id, note);
      },
      view_for(ctx, actor), minimal_dossier_json, 200, std::move(respond));
}

http::HttpResponse detail(ApiContext& ctx, http::HttpRequest& r, const app::Actor& actor) {
  return read_and_render(ctx, r, [&](store::SqlConnection& db) {
    return ctx.dossiers.detail(db, actor, r.path_params.at("id"));
  });
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
  router.add_async(Method::post, "/api/v1/dossiers",
                   authenticated_async(ctx,
                                       [&ctx](auto& r, const auto& a, http::Respond respond) {
                                         create(ctx, r, a, std::move(respond));
                                       }),
                   {.max_body_bytes = kCommandBodyLimit});
  router.add(Method::get, "/api/v1/dossiers/{id}",
             authenticated(ctx, [&ctx](auto& r, const auto& a) { return detail(ctx, r, a); }));
  for (const auto& [segment, kind] : kCommandRoutes) {
    const CommandKind k = kind;
    router.add_async(Method::post, std::string("/api/v1/dossiers/{id}/") + segment,
                     authenticated_async(ctx,
                                         [&ctx, k](auto& r, const auto& a, http::Respond respond) {
                                           command(ctx, r, a, k, std::move(respond));
                                         }),
                     {.max_body_bytes = kCommandBodyLimit});
  }
  router.add_async(Method::post, "/api/v1/dossiers/{id}/transfer",
                   authenticated_async(ctx,
                                       [&ctx](auto& r, const auto& a, http::Respond respond) {
                                         transfer(ctx, r, a, std::move(respond));
                                       }),
                   {.max_body_bytes = kCommandBodyLimit});
  router.add(Method::get, "/api/v1/queue", authenticated(ctx, [&ctx](auto& r, const auto& a) {
               return read_and_render(ctx, r, [&](store::SqlConnection& db) {
                 return app::work_queue(db, a, queue_query(r), ctx.calendar, ctx.now());
               });
             }));
  router.add(Method::get, "/api/v1/my/dossiers", authenticated(ctx, [&ctx](auto& r, const auto& a) {
               return read_and_render(ctx, r, [&](store::SqlConnection& db) {
                 return app::my_dossiers(db, a, ctx.calendar, ctx.now());
               });
             }));
}

}  // namespace motcua::api
