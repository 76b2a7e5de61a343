// The generic-answer check of feedback answers and the leaders' review of the answers it holds
// (issue 16 point 5; docs/rules.md section 10). An answer that passes the structural checks of
// answer_feedback is screened by the detector (domain/engagement/generic_answer.hpp) against the
// answers already given and the installed stock phrases; when flagged it is not sent but held,
// with the reasons, until a leader of the agency releases it (it becomes the answer) or returns
// it to be rewritten. Every step is audited: feedback.answer_held, feedback.answer_released,
// feedback.answer_returned.
#pragma once

#include <optional>
#include <string>

#include "app/common/actor.hpp"
#include "app/common/app_error.hpp"
#include "app/engagement/engagement_views.hpp"
#include "domain/engagement/generic_answer.hpp"
#include "store/feedback_repository.hpp"
#include "store/sql.hpp"

namespace motcua::app {

struct FeedbackAnswer;

// The detector's verdict on `answer` to `f`, against the most recent answers to other feedback.
engagement::GenericAnswerVerdict screen_answer(store::SqlConnection& db,
                                               const store::FeedbackRecord& f,
                                               const std::string& answer);

// Holds the answer (feedback -> held_for_review) and audits it; false when someone answered or
// held it first.
bool hold_for_review(store::SqlConnection& db, const Actor& actor, const store::FeedbackRecord& f,
                     const FeedbackAnswer& in, const engagement::GenericAnswerVerdict& verdict,
                     const std::string& at);

// The held answer waiting for a decision, for the officials' queue.
std::optional<FeedbackHeldAnswer> held_answer(store::SqlConnection& db,
                                              const std::string& feedback_id);

struct ReviewDecision {
  std::string decision;  // release | return
  std::string reason;    // why, required
};

// A leader of the feedback's agency decides on its held answer. 404 outside the leader's
// agencies (administrators answer feedback but do not review their own held answers), 422
// review_decision_invalid / review_reason_missing, 409 not_held_for_review.
AppResult<FeedbackView> review_feedback(store::SqlConnection& db, const Actor& actor,
                                        const std::string& feedback_id, const ReviewDecision& in,
                                        Instant now, int utc_offset_minutes);

}  // namespace motcua::app
