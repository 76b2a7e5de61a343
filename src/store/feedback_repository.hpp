// Rows of `feedback`: feedback on administrative regulations (phản ánh, kiến nghị về quy định
// hành chính, Decree 20/2008) and their answers.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/sql.hpp"

namespace motcua::store {

struct FeedbackRecord {
  std::string id;
  std::string code;  // the submitter's tracking code
  std::string name;
  std::string contact;
  std::string procedure_code;
  std::string procedure_name;
  std::string agency_id;
  std::string content;
  std::string status;  // received | answered
  std::string received_at;
  std::string answer_due;
  std::optional<std::string> answer;
  std::optional<std::string> legal_reference;
  std::optional<std::string> answer_folded;
  std::optional<std::string> answered_by;
  std::optional<std::string> answered_at;
};

void insert_feedback(SqlConnection& db, const FeedbackRecord& f);
// Records the answer if the feedback is still unanswered; false when someone answered first.
bool record_answer(SqlConnection& db, const FeedbackRecord& f);
std::optional<FeedbackRecord> find_feedback(SqlConnection& db, const std::string& id);
std::optional<FeedbackRecord> find_feedback_by_code(SqlConnection& db, const std::string& code);

// Feedback addressed to any of `agency_ids`, oldest first; `status` empty: any.
std::vector<FeedbackRecord> list_feedback(SqlConnection& db,
                                          const std::vector<std::string>& agency_ids,
                                          const std::string& status, int limit);

struct EarlierAnswer {
  std::string feedback_id;
  std::string code;
  std::string answer_folded;
};
// The most recent answers (any agency), newest first, to check a new answer is not a copy.
std::vector<EarlierAnswer> recent_answers(SqlConnection& db, int limit);

// Feedback that names no agency goes to the province this system serves: the top-level agency its
// administrators are granted (the unit tables hold every province of the country). Nullopt when
// no administrator holds one (callers fall back to any current top-level agency).
std::optional<std::string> served_province(SqlConnection& db);

}  // namespace motcua::store
