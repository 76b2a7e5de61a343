// What the feedback and rating use cases answer; their JSON is in api/json/engagement_json.hpp.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/engagement/generic_answer.hpp"
#include "store/rating_repository.hpp"

namespace motcua::app {

// One time limit of a feedback item (domain/engagement/feedback_deadlines.hpp): `due` empty while
// the answer's clock is paused; `due_soon` when open and within the warning threshold.
struct FeedbackDeadlineView {
  std::string step;  // reject | ask | forward | answer | publish
  std::string due;
  std::string done_at;
  bool open = false;
  bool late = false;
  bool due_soon = false;
};

// An answer the generic-answer detector held for a leader's review, with its reasons (only in the
// officials' queue; the public sees no answer until a leader releases it).
struct FeedbackHeldAnswer {
  std::string answer;
  std::string legal_reference;
  std::string answered_by;
  std::string held_at;
  std::vector<engagement::HoldReason> reasons;
};

// Feedback as anyone holding its code sees it; `id` for its sender and those who answer it,
// `name` and `contact` only in the answering officials' queue.
struct FeedbackView {
  std::string code;
  std::string status;
  std::string procedure_code;
  std::string procedure_name;
  std::string agency_id;
  std::string agency_name;
  std::string content;
  std::string received_at;
  std::string answer_due;
  std::optional<std::string> answer;
  std::optional<std::string> legal_reference;
  std::optional<std::string> answered_at;
  std::optional<std::string> id;
  std::optional<std::string> name;
  std::optional<std::string> contact;
  // The lifecycle (docs/rules.md section 10); '' when the step did not happen.
  std::string channel;
  std::string kind;
  std::string reject_reason;
  std::string rejected_at;
  std::string info_request;
  std::string info_requested_at;
  std::string info_supplied_at;
  std::string forwarded_at;
  std::string forward_target;
  std::string forwarded_from;
  std::string published_at;
  std::string rating;
  std::string rating_comment;
  std::string rated_at;
  bool late = false;  // some step is late
  std::vector<FeedbackDeadlineView> deadlines;
  std::optional<FeedbackHeldAnswer> held_answer;
};

// A dossier's rating state: whether it is rated, whether the caller may rate it now, the rating.
struct DossierRatingView {
  std::string dossier_id;
  bool rated = false;
  bool may_rate = false;
  std::optional<store::RatingRecord> rating;
};

}  // namespace motcua::app
