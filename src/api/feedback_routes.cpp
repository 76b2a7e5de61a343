// The feedback lifecycle (app/engagement/feedback_lifecycle.hpp, docs/rules.md section 10):
//   POST /api/v1/feedback/intake                 staff enter a letter or a phone call
//   POST /api/v1/feedback/{id}/reject            leaders, administrators: {reason}
//   POST /api/v1/feedback/{id}/request-info      {request}; the answer's clock pauses
//   POST /api/v1/feedback/{id}/forward           {target, target_id, reason}
//   POST /api/v1/feedback/{id}/publish           the answer becomes public
//   POST /api/v1/feedback/{code}/supply-info     the sender, by tracking code: {information}
//   POST /api/v1/feedback/{code}/rate            the sender rates the answer once
//   GET  /api/v1/feedback/published              public search: q, procedure_code, agency_id
// Sending (POST /api/v1/feedback), the queue, status by code and the answer are in
// citizen_routes.cpp.
#include <memory>

#include "api/feedback_terms_file.hpp"
#include "api/idempotent_write.hpp"
#include "api/json/engagement_json.hpp"
#include "api/json/feedback_lifecycle_json.hpp"
#include "api/responses.hpp"
#include "api/routes.hpp"
#include "api/session_guard.hpp"
#include "api/write_then.hpp"
#include "app/engagement/feedback_lifecycle.hpp"

namespace motcua::api {

namespace {

constexpr std::size_t kSmallBody = 16 * 1024;
using Terms = engagement::FeedbackTerms;

// An official's step on an item: decode, then run in the write with the calendar of this request.
template <typename Decode, typename Step>
void official_step(ApiContext& ctx, const Terms& terms, http::HttpRequest& r, const app::Actor& a,
                   Decode decode, Step step, int status, http::Respond respond) {
  decoded_write(
      ctx, r, a, decode,
      [&ctx, terms, a, step, id = r.path_params.at("id")](store::SqlConnection& db,
                                                          const auto& input) {
        const auto cal = ctx.calendar.snapshot();
        const app::FeedbackClock clock{*cal, terms, ctx.now()};
        return step(db, a, clock, id, input);
      },
      status, std::move(respond));
}

// The sender's step by tracking code: no session (the code is the credential, as for the status
// page), so no forged cross-site request can act as anyone.
template <typename Decode, typename Step>
void sender_step(ApiContext& ctx, const Terms& terms, http::HttpRequest& r, Decode decode,
                 Step step, http::Respond respond) {
  auto body = parse_body(r);
  if (!body) return answer_now(respond, body.error());
  auto input = decode(*body);
  if (!input) return answer_now(respond, problem_of(input.error(), r));
  auto result =
      std::make_shared<app::AppResult<app::FeedbackView>>(tl::unexpected(app::AppError{}));
  write_then(
      ctx,
      [&ctx, terms, result, step, code = r.path_params.at("id"),
       input = std::move(*input)](store::SqlConnection& db) {
        const auto cal = ctx.calendar.snapshot();
        *result = step(db, app::FeedbackClock{*cal, terms, ctx.now()}, code, input);
      },
      [result, path = r.path] {
        http::HttpRequest where;
        where.path = path;
        return render(*result, where, 200);
      },
      std::move(respond));
}

http::HttpResponse published(ApiContext& ctx, http::HttpRequest& r) {
  app::PublishedQuery q{std::string(r.query_value("q").value_or("")),
                        std::string(r.query_value("procedure_code").value_or("")),
                        std::string(r.query_value("agency_id").value_or(""))};
  return read_and_render(ctx, r,
                         [&](store::SqlConnection& db) { return app::published_feedback(db, q); });
}

}  // namespace

void add_feedback_routes(http::Router& router, ApiContext& ctx) {
  using http::Method;
  const Terms terms = load_feedback_terms(ctx.settings.templates_dir);
  const auto writing = [&ctx](auto f) {
    return authenticated_async(ctx, [&ctx, f](auto& r, const auto& a, http::Respond respond) {
      f(r, a, std::move(respond));
    });
  };
  const auto text_of = [](const char* field) {
    return [field](const boost::json::value& body) { return text_field_from_json(body, field); };
  };
  router.add_async(
      Method::post, "/api/v1/feedback/intake",
      writing([&ctx, terms](http::HttpRequest& r, const app::Actor& a, http::Respond respond) {
        decoded_write(
            ctx, r, a, intake_from_json,
            [&ctx, terms, a](store::SqlConnection& db, const app::StaffIntake& in) {
              const auto cal = ctx.calendar.snapshot();
              return app::enter_feedback(db, a, app::FeedbackClock{*cal, terms, ctx.now()}, in);
            },
            201, std::move(respond));
      }),
      {.max_body_bytes = kSmallBody});
  router.add_async(Method::post, "/api/v1/feedback/{id}/reject",
                   writing([&ctx, terms, text_of](http::HttpRequest& r, const app::Actor& a,
                                                  http::Respond respond) {
                     official_step(ctx, terms, r, a, text_of("reason"), app::reject_feedback, 200,
                                   std::move(respond));
                   }),
                   {.max_body_bytes = kSmallBody});
  router.add_async(Method::post, "/api/v1/feedback/{id}/request-info",
                   writing([&ctx, terms, text_of](http::HttpRequest& r, const app::Actor& a,
                                                  http::Respond respond) {
                     official_step(ctx, terms, r, a, text_of("request"), app::request_feedback_info,
                                   200, std::move(respond));
                   }),
                   {.max_body_bytes = kSmallBody});
  router.add_async(
      Method::post, "/api/v1/feedback/{id}/forward",
      writing([&ctx, terms](http::HttpRequest& r, const app::Actor& a, http::Respond respond) {
        const std::string self_id = ctx.settings.exchange.id;
        official_step(
            ctx, terms, r, a, forward_from_json,
            [self_id](store::SqlConnection& db, const app::Actor& actor,
                      const app::FeedbackClock& clock, const std::string& id,
                      const app::ForwardInput& in) {
              return app::forward_feedback(db, actor, clock, id, in, self_id);
            },
            200, std::move(respond));
      }),
      {.max_body_bytes = kSmallBody});
  router.add_async(
      Method::post, "/api/v1/feedback/{id}/publish",
      writing([&ctx, terms](http::HttpRequest& r, const app::Actor& a, http::Respond respond) {
        // No body is needed; an empty one is taken as {}.
        if (r.body.empty()) r.body = "{}";
        official_step(
            ctx, terms, r, a, [](const boost::json::value&) { return 0; },
            [](store::SqlConnection& db, const app::Actor& actor, const app::FeedbackClock& clock,
               const std::string& id, int) { return app::publish_feedback(db, actor, clock, id); },
            200, std::move(respond));
      }),
      {.max_body_bytes = kSmallBody});
  // The sender's steps are anonymous, by tracking code: limited as sending is.
  router.add_async(Method::post, "/api/v1/feedback/{id}/supply-info",
                   [&ctx, terms, text_of](http::HttpRequest& r, http::Respond respond) {
                     sender_step(ctx, terms, r, text_of("information"), app::supply_feedback_info,
                                 std::move(respond));
                   },
                   {.max_body_bytes = kSmallBody, .rate_limit = &ctx.rate_limits.feedback});
  router.add_async(Method::post, "/api/v1/feedback/{id}/rate",
                   [&ctx, terms](http::HttpRequest& r, http::Respond respond) {
                     sender_step(
                         ctx, terms, r, feedback_rating_from_json,
                         [](store::SqlConnection& db, const app::FeedbackClock& clock,
                            const std::string& code, const FeedbackRatingInput& in) {
                           return app::rate_feedback_answer(db, clock, code, in.rating, in.comment);
                         },
                         std::move(respond));
                   },
                   {.max_body_bytes = kSmallBody, .rate_limit = &ctx.rate_limits.feedback});
  router.add(Method::get, "/api/v1/feedback/published",
             [&ctx](http::HttpRequest& r) { return published(ctx, r); },
             {.rate_limit = &ctx.rate_limits.search});
}

}  // namespace motcua::api
