// JSON of the held-answer review: the leader's decision body and the held answer in the queue.
#pragma once

#include <boost/json/value.hpp>

#include "app/common/app_error.hpp"
#include "app/engagement/feedback_review.hpp"

namespace motcua::api {

// {"decision": "release" | "return", "reason": "..."}; the use case checks the values.
app::AppResult<app::ReviewDecision> review_decision_from_json(const boost::json::value& body);

boost::json::object held_answer_json(const app::FeedbackHeldAnswer& held);

}  // namespace motcua::api
