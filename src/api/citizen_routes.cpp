// Citizen services beyond the dossier lifecycle: drafts kept while filling the online form,
// satisfaction ratings, feedback on regulations and its answers.
#include <boost/json.hpp>

#include "api/idempotent_write.hpp"
#include "api/json/dossier_json.hpp"
#include "api/json/engagement_json.hpp"
#include "api/responses.hpp"
#include "api/routes.hpp"
#include "api/session_guard.hpp"
#include "app/dossier/dossier_drafts.hpp"
#include "app/engagement/feedback.hpp"
#include "app/engagement/ratings.hpp"

namespace motcua::api {

namespace json = boost::json;

namespace {

constexpr std::size_t kSmallBody = 16 * 1024;

// Turns a parse failure into the response, or runs the write with the parsed input.
template <typename Input, typename Parse, typename UseCase>
http::HttpResponse parsed_write(ApiContext& ctx, http::HttpRequest& r, const app::Actor& actor,
                                Parse parse, UseCase use_case, int success_status = 200) {
  auto body = parse_body(r);
  if (!body) return body.error();
  app::AppResult<Input> input = parse(*body);
  if (!input) return problem_of(input.error(), r);
  return idempotent_write(
      ctx, r, actor, [&](store::SqlConnection& db) { return use_case(db, *input); },
      success_status);
}

// idempotent_write stores and answers a JSON object; the rating and answer use cases answer views.
template <typename View>
app::AppResult<json::object> view_object(app::AppResult<View> result) {
  if (!result) return tl::unexpected(std::move(result.error()));
  return std::move(json::value_from(*result).as_object());
}

http::HttpResponse update_draft(ApiContext& ctx, http::HttpRequest& r, const app::Actor& a) {
  const std::string id = r.path_params.at("id");
  return parsed_write<app::DraftChanges>(
      ctx, r, a, draft_changes_from_json,
      [&](store::SqlConnection& db, const app::DraftChanges& c) -> app::AppResult<json::object> {
        auto view = app::update_draft(db, ctx.dossiers, a, id, c, ctx.now(), ctx.utc_offset());
        if (!view) return tl::unexpected(view.error());
        return json::value_from(*view).as_object();
      });
}

http::HttpResponse discard_draft(ApiContext& ctx, http::HttpRequest& r, const app::Actor& a) {
  const std::string id = r.path_params.at("id");
  // DELETE carries no body: the version the applicant saw comes as ?version=.
  std::int64_t version = 0;
  if (const auto v = r.query_value("version")) {
    try {
      version = std::stoll(std::string(*v));
    } catch (...) {
      return problem_of(app::invalid_input("'version' must be a whole number"), r);
    }
  }
  const std::string reason(r.query_value("reason").value_or(""));
  return idempotent_write(ctx, r, a, [&](store::SqlConnection& db) -> app::AppResult<json::object> {
    auto discarded = app::discard_draft(db, a, id, version, reason, ctx.now(), ctx.utc_offset());
    if (!discarded) return tl::unexpected(discarded.error());
    return json::value_from(*discarded).as_object();
  });
}

http::HttpResponse rate(ApiContext& ctx, http::HttpRequest& r, const app::Actor& a) {
  const std::string id = r.path_params.at("id");
  return parsed_write<app::RatingInput>(
      ctx, r, a, rating_from_json,
      [&](store::SqlConnection& db, const app::RatingInput& in) {
        return view_object(app::rate_dossier(db, a, id, in, ctx.now(), ctx.utc_offset()));
      },
      201);
}

http::HttpResponse rating(ApiContext& ctx, http::HttpRequest& r, const app::Actor& a) {
  return read_and_render(ctx, r, [&](store::SqlConnection& db) {
    return app::dossier_rating(db, a, r.path_params.at("id"));
  });
}

// Anyone may send feedback without an account (Decree 20/2008 Art. 4), so there is no session and
// nothing for a forged cross-site request to act as.
http::HttpResponse send_feedback(ApiContext& ctx, http::HttpRequest& r) {
  auto body = parse_body(r);
  if (!body) return body.error();
  auto input = feedback_from_json(*body);
  if (!input) return problem_of(input.error(), r);
  app::AppResult<app::FeedbackView> result = tl::unexpected(app::AppError{});
  ctx.store.write([&](store::SqlConnection& db) {
    const calendar::WorkingCalendar& cal = ctx.calendar;
    result = app::submit_feedback(db, cal, *input, ctx.now());
  });
  return render(result, r, 201);
}

http::HttpResponse feedback_status(ApiContext& ctx, http::HttpRequest& r) {
  return read_and_render(ctx, r, [&](store::SqlConnection& db) {
    return app::feedback_status(db, r.path_params.at("code"));
  });
}

http::HttpResponse feedback_list(ApiContext& ctx, http::HttpRequest& r, const app::Actor& a) {
  const std::string status(r.query_value("status").value_or(""));
  return read_and_render(
      ctx, r, [&](store::SqlConnection& db) { return app::feedback_queue(db, a, status); });
}

http::HttpResponse answer(ApiContext& ctx, http::HttpRequest& r, const app::Actor& a) {
  const std::string id = r.path_params.at("id");
  return parsed_write<app::FeedbackAnswer>(
      ctx, r, a, answer_from_json, [&](store::SqlConnection& db, const app::FeedbackAnswer& in) {
        return view_object(app::answer_feedback(db, a, id, in, ctx.now(), ctx.utc_offset()));
      });
}

}  // namespace

void add_citizen_routes(http::Router& router, ApiContext& ctx) {
  using http::Method;
  const auto with_actor = [&ctx](auto f) {
    return authenticated(ctx, [&ctx, f](auto& r, const auto& a) { return f(ctx, r, a); });
  };
  router.add(Method::put, "/api/v1/dossiers/{id}", with_actor(update_draft),
             {.max_body_bytes = kSmallBody});
  router.add(Method::del, "/api/v1/dossiers/{id}", with_actor(discard_draft));
  router.add(Method::post, "/api/v1/dossiers/{id}/rating", with_actor(rate),
             {.max_body_bytes = kSmallBody});
  router.add(Method::get, "/api/v1/dossiers/{id}/rating", with_actor(rating));
  router.add(Method::post, "/api/v1/feedback",
             [&ctx](http::HttpRequest& r) { return send_feedback(ctx, r); },
             {.max_body_bytes = kSmallBody});
  router.add(Method::get, "/api/v1/feedback", with_actor(feedback_list));
  router.add(Method::get, "/api/v1/feedback/{code}",
             [&ctx](http::HttpRequest& r) { return feedback_status(ctx, r); });
  router.add(Method::post, "/api/v1/feedback/{id}/answer", with_actor(answer),
             {.max_body_bytes = kSmallBody});
}

}  // namespace motcua::api
