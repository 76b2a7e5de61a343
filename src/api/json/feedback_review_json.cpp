#include "api/json/feedback_review_json.hpp"

#include <boost/json.hpp>

namespace motcua::api {

namespace json = boost::json;

namespace {

constexpr std::size_t kMaxReasonBytes = 2000;

std::string text(const json::object& o, const char* key) {
  const auto* v = o.if_contains(key);
  return v && v->is_string() ? std::string(v->as_string()) : std::string();
}

}  // namespace

app::AppResult<app::ReviewDecision> review_decision_from_json(const json::value& body) {
  if (!body.is_object())
    return tl::unexpected(app::invalid_input("the body must be a JSON object"));
  const auto& o = body.as_object();
  app::ReviewDecision d{text(o, "decision"), text(o, "reason")};
  if (d.reason.size() > kMaxReasonBytes)
    return tl::unexpected(app::invalid_input("'reason' is at most 2000 bytes"));
  return d;
}

json::object held_answer_json(const app::FeedbackHeldAnswer& held) {
  json::array reasons;
  for (const auto& r : held.reasons) {
    reasons.push_back(json::object{{"code", r.code}, {"detail", r.detail}, {"score", r.score}});
  }
  return {{"answer", held.answer},
          {"legal_reference", held.legal_reference},
          {"answered_by", held.answered_by},
          {"held_at", held.held_at},
          {"reasons", std::move(reasons)}};
}

}  // namespace motcua::api
