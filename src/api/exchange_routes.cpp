// Exchange of dossiers between MotCua instances (app/exchange, docs/integrations.md "Exchange
// between MotCua instances"):
//
//   GET  /api/v1/exchange/identity                    this instance's id and public keys (public)
//   POST /api/v1/exchange/messages                    a partner's signed message (no session: the
//                                                     Ed25519 signature is the authentication)
//   GET  /api/v1/admin/exchange/partners              the registered partner instances
//   POST /api/v1/admin/exchange/partners              register one, with its keys (audit log)
//   POST /api/v1/admin/exchange/partners/{id}/keys    add a key (rotation; audit log)
//   GET  /api/v1/dossiers/{id}/exchange               a dossier's steps and consultations handed
//                                                     to partners (officials who see it)
//   GET  /api/v1/exchange/questions[?open=1]          partners' questions to the actor's agencies
//   POST /api/v1/exchange/questions/{id}/answer       {"answer"}: sent back signed (audit log)
//   GET  /api/v1/exchange/questions/{id}/papers/{sha256}   a paper sent with it (opening audited)
#include "api/admin_write.hpp"
#include "api/feedback_terms_file.hpp"
#include "api/idempotent_write.hpp"
#include "api/json/consultation_json.hpp"
#include "api/json/exchange_json.hpp"
#include "api/paper_response.hpp"
#include "api/responses.hpp"
#include "api/routes.hpp"
#include "api/session_guard.hpp"
#include "api/write_then.hpp"

namespace motcua::api {

namespace {

// A transfer carries its papers (base64): room for them, bounded.
constexpr std::size_t kMessageBodyLimit = 32 * 1024 * 1024;

void take_message(ApiContext& ctx, std::int64_t feedback_answer_days, http::HttpRequest& r,
                  http::Respond respond) {
  auto message = codec::exchange_wire_from_text(r.body);
  if (!message) {
    return answer_now(
        respond, problem_of(app::AppError{app::ErrorKind::invalid_input, "invalid_input",
                                          message.error() + ": bắt buộc, là chuỗi",
                                          message.error() + ": is required text", message.error()},
                            r));
  }
  // The partner acts as a system actor; a refusal rolls back everything, so a refused message
  // leaves no trace.
  const app::Actor partner{
      "exchange:" + message->from, "Hệ thống liên thông / partner instance", false, {}};
  idempotent_write(
      ctx, r, partner,
      [&ctx, in = std::move(*message), feedback_answer_days](store::SqlConnection& db) {
        app::exchange::InboundContext effects{ctx.dossiers, ctx.settings.uploads_dir,
                                              feedback_answer_days};
        return app::exchange::receive_message(db, ctx.settings.exchange, effects, in, ctx.now(),
                                              ctx.now_iso());
      },
      200, std::move(respond));
}

// A paper sent with a partner's question: the opening is committed to the audit log before the
// bytes go out, as for a paper shared by a local consultation.
void question_paper(ApiContext& ctx, http::HttpRequest& r, const app::Actor& actor,
                    http::Respond respond) {
  app::AppResult<store::PaperRecord> paper = tl::unexpected(app::AppError{});
  const std::string id = r.path_params.at("id"), sha = r.path_params.at("sha256");
  ctx.store.read([&](store::SqlConnection& db) {
    paper = app::exchange::partner_question_paper(db, actor, id, sha);
  });
  if (!paper) return answer_now(respond, problem_of(paper.error(), r));
  const bool open_inline = r.query_value("inline").value_or("") == "1";
  write_then(
      ctx,
      [actor, id, sha, now_iso = ctx.now_iso()](store::SqlConnection& db) {
        app::exchange::audit_partner_paper_opened(db, actor, id, sha, now_iso);
      },
      [&ctx, record = *paper, open_inline] { return paper_response(ctx, record, open_inline); },
      std::move(respond));
}

}  // namespace

void add_exchange_routes(http::Router& router, ApiContext& ctx) {
  using http::Method;
  router.add_async(Method::get, "/api/v1/exchange/questions/{id}/papers/{sha256}",
                   authenticated_async(ctx, [&ctx](auto& r, const auto& a, http::Respond respond) {
                     question_paper(ctx, r, a, std::move(respond));
                   }));
  router.add(Method::get, "/api/v1/dossiers/{id}/exchange",
             authenticated(ctx, [&ctx](auto& r, const auto& a) {
               return read_and_render(ctx, r, [&](store::SqlConnection& db) {
                 return app::exchange::dossier_exchange_links(db, a, r.path_params.at("id"));
               });
             }));
  router.add(Method::get, "/api/v1/exchange/questions",
             authenticated(ctx, [&ctx](auto& r, const auto& a) {
               const bool open_only = r.query_value("open").value_or("") == "1";
               return read_and_render(ctx, r, [&](store::SqlConnection& db) {
                 return app::exchange::partner_questions(db, a, open_only);
               });
             }));
  router.add_async(
      Method::post, "/api/v1/exchange/questions/{id}/answer",
      authenticated_async(ctx,
                          [&ctx](auto& r, const auto& a, http::Respond respond) {
                            decoded_write(
                                ctx, r, a, consultation_answer_from_json,
                                [&ctx, a, id = r.path_params.at("id")](store::SqlConnection& db,
                                                                       const std::string& answer) {
                                  return app::exchange::answer_partner_question(
                                      db, a, id, answer, ctx.settings.exchange.id, ctx.now(),
                                      ctx.now_iso());
                                },
                                200, std::move(respond));
                          }),
      {.max_body_bytes = 16 * 1024});
  router.add(Method::get, "/api/v1/exchange/identity", [&ctx](http::HttpRequest& r) {
    return render(app::exchange::instance_identity(ctx.settings.exchange), r);
  });
  // Feedback a partner forwards is answered here within this province's limit, read once.
  const auto feedback_answer_days = load_feedback_terms(ctx.settings.templates_dir).answer;
  router.add_async(Method::post, "/api/v1/exchange/messages",
                   [&ctx, feedback_answer_days](http::HttpRequest& r, http::Respond respond) {
                     take_message(ctx, feedback_answer_days, r, std::move(respond));
                   },
                   {.max_body_bytes = kMessageBodyLimit});
  router.add(Method::get, "/api/v1/admin/exchange/partners",
             authenticated(ctx, [&ctx](auto& r, const auto& a) {
               return read_and_render(ctx, r, [&](store::SqlConnection& db) {
                 return app::exchange::list_partners(db, a);
               });
             }));
  router.add_async(Method::post, "/api/v1/admin/exchange/partners",
                   administering(
                       ctx, partner_input_from_json,
                       [&ctx](store::SqlConnection& db, const app::Actor& a, const PathParams&,
                              const app::exchange::PartnerInput& in, const std::string& now) {
                         return app::exchange::register_partner(db, a, in, ctx.settings.exchange.id,
                                                                now);
                       },
                       201));
  router.add_async(
      Method::post, "/api/v1/admin/exchange/partners/{id}/keys",
      administering(ctx, partner_key_input_from_json,
                    [](store::SqlConnection& db, const app::Actor& a, const PathParams& p,
                       const app::exchange::PartnerKeyInput& in, const std::string& now) {
                      return app::exchange::add_partner_key(db, a, p.at("id"), in, now);
                    }));
}

}  // namespace motcua::api
