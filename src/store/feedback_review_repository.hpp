// Rows of `feedback_reviews`: answers the generic-answer detector held for a leader's review, and
// the moves of `feedback` between received, held_for_review and answered that go with them
// (migration 0044).
#pragma once

#include <optional>
#include <string>

#include "store/feedback_repository.hpp"
#include "store/sql.hpp"

namespace motcua::store {

struct FeedbackReviewRecord {
  std::string id;
  std::string feedback_id;
  std::string answer;
  std::string legal_reference;
  std::string answered_by;
  std::string held_at;
  std::string reasons;   // JSON array of {code, detail, score}
  std::string decision;  // '' pending | released | returned
  std::string decided_by;
  std::string decided_at;
  std::string decision_reason;
};

// Holds the answer if the feedback is still unanswered (status received -> held_for_review);
// false when someone answered or held it first.
bool hold_answer(SqlConnection& db, const FeedbackReviewRecord& review);
// The review waiting for a decision, if any.
std::optional<FeedbackReviewRecord> pending_review(SqlConnection& db,
                                                   const std::string& feedback_id);
// Records the decision on a pending review; false when it was decided already.
bool decide_review(SqlConnection& db, const FeedbackReviewRecord& decided);
// held_for_review -> answered with the held answer (`f` carries it); false when not held.
bool release_held_answer(SqlConnection& db, const FeedbackRecord& f);
// held_for_review -> received; false when not held.
bool return_held_answer(SqlConnection& db, const std::string& feedback_id);

}  // namespace motcua::store
