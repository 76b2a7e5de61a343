// A leader's decision on a feedback answer the generic-answer detector held (issue 16 point 5):
// POST /api/v1/feedback/{id}/review {"decision": "release" | "return", "reason"}.
#include "api/idempotent_write.hpp"
#include "api/json/engagement_json.hpp"
#include "api/json/feedback_review_json.hpp"
#include "api/routes.hpp"
#include "api/session_guard.hpp"
#include "app/engagement/feedback_review.hpp"

namespace motcua::api {

namespace {

constexpr std::size_t kSmallBody = 16 * 1024;

void review(ApiContext& ctx, http::HttpRequest& r, const app::Actor& a, http::Respond respond) {
  decoded_write(
      ctx, r, a, review_decision_from_json,
      [&ctx, a, id = r.path_params.at("id")](store::SqlConnection& db,
                                             const app::ReviewDecision& in) {
        return app::review_feedback(db, a, id, in, ctx.now(), ctx.utc_offset());
      },
      200, std::move(respond));
}

}  // namespace

void add_feedback_review_routes(http::Router& router, ApiContext& ctx) {
  router.add_async(http::Method::post, "/api/v1/feedback/{id}/review",
                   authenticated_async(ctx,
                                       [&ctx](auto& r, const auto& a, http::Respond respond) {
                                         review(ctx, r, a, std::move(respond));
                                       }),
                   {.max_body_bytes = kSmallBody});
}

}  // namespace motcua::api
