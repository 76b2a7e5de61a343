// What the feedback and rating use cases answer; their JSON is in api/json/engagement_json.hpp.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/engagement/generic_answer.hpp"
#include "store/rating_repository.hpp"

namespace motcua::app {

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
