// Citizen services beyond the dossier lifecycle: drafts kept while filling the online form,
// satisfaction ratings, feedback on regulations and its answers.
#include <memory>

#include "api/feedback_terms_file.hpp"
#include "api/idempotent_write.hpp"
#include "api/json/dossier_json.hpp"
#include "api/json/engagement_json.hpp"
#include "api/responses.hpp"
#include "api/routes.hpp"
#include "api/session_guard.hpp"
#include "api/write_then.hpp"
#include "app/dossier/dossier_drafts.hpp"
#include "app/engagement/feedback.hpp"
#include "app/engagement/feedback_lifecycle.hpp"
#include "app/engagement/ratings.hpp"

namespace motcua::api {

namespace {

constexpr std::size_t kSmallBody = 16 * 1024;

void update_draft(ApiContext& ctx, http::HttpRequest& r, const app::Actor& a,
                  http::Respond respond) {
  decoded_write(
      ctx, r, a, draft_changes_from_json,
      [&ctx, a, id = r.path_params.at("id")](store::SqlConnection& db, const app::DraftChanges& c) {
        return app::update_draft(db, ctx.dossiers, a, id, c, ctx.now(), ctx.utc_offset());
      },
      200, std::move(respond));
}

void discard_draft(ApiContext& ctx, http::HttpRequest& r, const app::Actor& a,
                   http::Respond respond) {
  // DELETE carries no body: the version the applicant saw comes as ?version=.
  std::int64_t version = 0;
  if (const auto v = r.query_value("version")) {
    try {
      version = std::stoll(std::string(*v));
    } catch (...) {
      return answer_now(respond,
                        problem_of(app::invalid_input("'version' must be a whole number"), r));
    }
  }
  idempotent_write(
      ctx, r, a,
      [&ctx, a, id = r.path_params.at("id"), version,
       reason = std::string(r.query_value("reason").value_or(""))](store::SqlConnection& db) {
        return app::discard_draft(db, a, id, version, reason, ctx.now(), ctx.utc_offset());
      },
      200, std::move(respond));
}

void rate(ApiContext& ctx, http::HttpRequest& r, const app::Actor& a, http::Respond respond) {
  decoded_write(
      ctx, r, a, rating_from_json,
      [&ctx, a, id = r.path_params.at("id")](store::SqlConnection& db, const app::RatingInput& in) {
        return app::rate_dossier(db, a, id, in, ctx.now(), ctx.utc_offset());
      },
      201, std::move(respond));
}

http::HttpResponse rating(ApiContext& ctx, http::HttpRequest& r, const app::Actor& a) {
  return read_and_render(ctx, r, [&](store::SqlConnection& db) {
    return app::dossier_rating(db, a, r.path_params.at("id"));
  });
}

// Anyone may send feedback without an account (Decree 20/2008 Art. 4), so there is no session and
// nothing for a forged cross-site request to act as.
void send_feedback(ApiContext& ctx, std::int64_t answer_days, http::HttpRequest& r,
                   http::Respond respond) {
  auto body = parse_body(r);
  if (!body) return answer_now(respond, body.error());
  auto input = feedback_from_json(*body);
  if (!input) return answer_now(respond, problem_of(input.error(), r));
  input->answer_working_days = answer_days;
  auto result =
      std::make_shared<app::AppResult<app::FeedbackView>>(tl::unexpected(app::AppError{}));
  write_then(
      ctx,
      [&ctx, result, input = std::move(*input)](store::SqlConnection& db) {
        // submit_feedback checks everything before it writes: a refusal leaves nothing behind.
        *result = app::submit_feedback(db, *ctx.calendar.snapshot(), input, ctx.now());
      },
      [result, path = r.path] {
        http::HttpRequest where;
        where.path = path;
        return render(*result, where, 201);
      },
      std::move(respond));
}

// The status page and the queue show every step's deadline (app/engagement/feedback_lifecycle.hpp).
http::HttpResponse feedback_status(ApiContext& ctx, const engagement::FeedbackTerms& terms,
                                   http::HttpRequest& r) {
  const auto cal = ctx.calendar.snapshot();
  const app::FeedbackClock clock{*cal, terms, ctx.now()};
  return read_and_render(ctx, r, [&](store::SqlConnection& db) {
    return app::feedback_by_code(db, clock, r.path_params.at("code"));
  });
}

http::HttpResponse feedback_list(ApiContext& ctx, const engagement::FeedbackTerms& terms,
                                 http::HttpRequest& r, const app::Actor& a) {
  const std::string status(r.query_value("status").value_or(""));
  const auto cal = ctx.calendar.snapshot();
  const app::FeedbackClock clock{*cal, terms, ctx.now()};
  return read_and_render(ctx, r, [&](store::SqlConnection& db) {
    return app::feedback_work_queue(db, a, clock, status);
  });
}

void answer(ApiContext& ctx, http::HttpRequest& r, const app::Actor& a, http::Respond respond) {
  decoded_write(
      ctx, r, a, answer_from_json,
      [&ctx, a, id = r.path_params.at("id")](store::SqlConnection& db,
                                             const app::FeedbackAnswer& in) {
        return app::answer_feedback(db, a, id, in, ctx.now(), ctx.utc_offset());
      },
      200, std::move(respond));
}

}  // namespace

void add_citizen_routes(http::Router& router, ApiContext& ctx) {
  using http::Method;
  const auto with_actor = [&ctx](auto f) {
    return authenticated(ctx, [&ctx, f](auto& r, const auto& a) { return f(ctx, r, a); });
  };
  const auto writing = [&ctx](auto f) {
    return authenticated_async(ctx, [&ctx, f](auto& r, const auto& a, http::Respond respond) {
      f(ctx, r, a, std::move(respond));
    });
  };
  router.add_async(Method::put, "/api/v1/dossiers/{id}", writing(update_draft),
                   {.max_body_bytes = kSmallBody});
  router.add_async(Method::del, "/api/v1/dossiers/{id}", writing(discard_draft));
  router.add_async(Method::post, "/api/v1/dossiers/{id}/rating", writing(rate),
                   {.max_body_bytes = kSmallBody});
  router.add(Method::get, "/api/v1/dossiers/{id}/rating", with_actor(rating));
  const auto terms = load_feedback_terms(ctx.settings.templates_dir);
  router.add_async(Method::post, "/api/v1/feedback",
                   [&ctx, answer_days = terms.answer](http::HttpRequest& r, http::Respond respond) {
                     send_feedback(ctx, answer_days, r, std::move(respond));
                   },
                   {.max_body_bytes = kSmallBody, .rate_limit = &ctx.rate_limits.feedback});
  router.add(Method::get, "/api/v1/feedback",
             authenticated(ctx, [&ctx, terms](auto& r, const auto& a) {
               return feedback_list(ctx, terms, r, a);
             }));
  router.add(Method::get, "/api/v1/feedback/{code}",
             [&ctx, terms](http::HttpRequest& r) { return feedback_status(ctx, terms, r); });
  router.add_async(Method::post, "/api/v1/feedback/{id}/answer", writing(answer),
                   {.max_body_bytes = kSmallBody});
}

}  // namespace motcua::api
