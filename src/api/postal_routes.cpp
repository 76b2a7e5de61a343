// The postal channel (app/postal, docs/integrations.md "Postal channel"):
//
//   GET  /api/v1/dossiers/{id}/postal   the choice and the orders with their tracking numbers
//   PUT  /api/v1/dossiers/{id}/postal   the applicant or reception records the choice
//   POST /api/v1/postal/callbacks       the post's signed status callbacks (no session)
#include "api/idempotent_write.hpp"
#include "api/json/postal_json.hpp"
#include "api/responses.hpp"
#include "api/routes.hpp"
#include "api/session_guard.hpp"

namespace motcua::api {

namespace {

constexpr std::size_t kPostalBodyLimit = 16 * 1024;

void take_callback(ApiContext& ctx, http::HttpRequest& r, http::Respond respond) {
  const std::string timestamp(r.header("X-Post-Timestamp"));
  const std::string signature(r.header("X-Post-Signature"));
  // Verified before the body is even parsed: an unsigned caller learns nothing else.
  if (auto ok = app::verify_postal_signature(ctx.settings.post_callback_secret, timestamp,
                                             signature, r.body, ctx.now().seconds);
      !ok) {
    return answer_now(respond, problem_of(ok.error(), r));
  }
  auto body = parse_body(r);
  if (!body) return answer_now(respond, body.error());
  auto callback = postal_callback_from_json(*body);
  if (!callback) return answer_now(respond, problem_of(callback.error(), r));
  // As an idempotent write: a refusal rolls back everything the job wrote (the remembered
  // signature included), and a post that sends an Idempotency-Key gets its first answer again.
  const app::Actor post{"postal-service", "Bưu chính / public post", false, {}};
  idempotent_write(
      ctx, r, post,
      [&ctx, signature, in = std::move(*callback)](store::SqlConnection& db) {
        return app::take_postal_callback(db, ctx.dossiers, in, signature);
      },
      200, std::move(respond));
}

}  // namespace

void add_postal_routes(http::Router& router, ApiContext& ctx) {
  using http::Method;
  router.add(Method::get, "/api/v1/dossiers/{id}/postal",
             authenticated(ctx, [&ctx](auto& r, const auto& a) {
               return read_and_render(ctx, r, [&](store::SqlConnection& db) {
                 return app::postal_of(db, a, r.path_params.at("id"));
               });
             }));
  router.add_async(
      Method::put, "/api/v1/dossiers/{id}/postal",
      authenticated_async(ctx,
                          [&ctx](auto& r, const auto& a, http::Respond respond) {
                            decoded_write(
                                ctx, r, a, postal_choice_from_json,
                                [&ctx, a, id = r.path_params.at("id")](
                                    store::SqlConnection& db, const app::PostalChoice& in) {
                                  return app::set_postal_choice(db, a, id, in, ctx.now_iso());
                                },
                                200, std::move(respond));
                          }),
      {.max_body_bytes = kPostalBodyLimit});
  router.add_async(Method::post, "/api/v1/postal/callbacks",
                   [&ctx](http::HttpRequest& r, http::Respond respond) {
                     take_callback(ctx, r, std::move(respond));
                   },
                   {.max_body_bytes = kPostalBodyLimit});
}

}  // namespace motcua::api
