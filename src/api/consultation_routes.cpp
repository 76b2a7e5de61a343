// Consultations between agencies, as the consulted agency's officials work them: the list of those
// addressed to their agencies, one consultation (question and shared papers, not the dossier), and
// the answer. Asking is a dossier command (POST /api/v1/dossiers/{id}/consult).
#include "api/idempotent_write.hpp"
#include "api/json/consultation_json.hpp"
#include "api/responses.hpp"
#include "api/routes.hpp"
#include "api/session_guard.hpp"
#include "app/dossier/consultations.hpp"

namespace motcua::api {

namespace {

constexpr std::size_t kSmallBody = 16 * 1024;

http::HttpResponse list(ApiContext& ctx, http::HttpRequest& r, const app::Actor& a) {
  const bool open_only = r.query_value("open").value_or("") == "1";
  return read_and_render(ctx, r, [&](store::SqlConnection& db) {
    return app::consultation_queue(db, a, open_only, ctx.now(), ctx.utc_offset());
  });
}

http::HttpResponse detail(ApiContext& ctx, http::HttpRequest& r, const app::Actor& a) {
  return read_and_render(ctx, r, [&](store::SqlConnection& db) {
    return app::consultation_detail(db, a, r.path_params.at("id"), ctx.now());
  });
}

void reply(ApiContext& ctx, http::HttpRequest& r, const app::Actor& a, http::Respond respond) {
  decoded_write(
      ctx, r, a, consultation_answer_from_json,
      [&ctx, a, id = r.path_params.at("id")](store::SqlConnection& db, const std::string& answer)
          -> app::AppResult<app::ConsultationView> {
        auto committed = ctx.dossiers.reply_to_consultation(db, a, id, answer);
        if (!committed) return tl::unexpected(committed.error());
        return app::consultation_detail(db, a, id, committed->at);
      },
      200, std::move(respond));
}

}  // namespace

void add_consultation_routes(http::Router& router, ApiContext& ctx) {
  using http::Method;
  const auto with_actor = [&ctx](auto f) {
    return authenticated(ctx, [&ctx, f](auto& r, const auto& a) { return f(ctx, r, a); });
  };
  router.add(Method::get, "/api/v1/consultations", with_actor(list));
  router.add(Method::get, "/api/v1/consultations/{id}", with_actor(detail));
  router.add_async(Method::post, "/api/v1/consultations/{id}/reply",
                   authenticated_async(ctx,
                                       [&ctx](auto& r, const auto& a, http::Respond respond) {
                                         reply(ctx, r, a, std::move(respond));
                                       }),
                   {.max_body_bytes = kSmallBody});
}

}  // namespace motcua::api
