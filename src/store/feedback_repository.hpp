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
  std::string status;  // received | info_requested | rejected | forwarded | answered | published
  std::string received_at;
  std::string answer_due;
  std::optional<std::string> answer;
  std::optional<std::string> legal_reference;
  std::optional<std::string> answer_folded;
  std::optional<std::string> answered_by;
  std::optional<std::string> answered_at;
  // The lifecycle (migration 0043); '' when the step did not happen.
  std::string channel = "online";  // online | letter | phone | open311 | exchange
  std::string kind;                // Decree 20/2008 Art. 5 kind (an Open311 service code)
  std::string entered_by;          // the official who entered a letter or a call
  std::string clock_started_at;    // this agency's receipt ('' = received_at)
  std::int64_t paused_seconds = 0;
  std::string rejected_at;
  std::string reject_reason;
  std::string info_requested_at;
  std::string info_request;
  std::string info_supplied_at;
  std::string info_supplied;
  std::string forwarded_at;
  std::string forward_target;  // agency:<id> | partner:<id> | portal
  std::string forward_reason;
  std::string forwarded_from;  // the agency that sent it here, within the installation
  std::string published_at;
  std::string published_folded;
  std::string rating;  // satisfied | unsatisfied
  std::string rating_comment;
  std::string rated_at;
  std::int64_t answer_working_days = 15;  // the province's limit when it was received
};

void insert_feedback(SqlConnection& db, const FeedbackRecord& f);
// Records the answer if the feedback is still unanswered; false when someone answered first.
bool record_answer(SqlConnection& db, const FeedbackRecord& f);
// Writes the lifecycle columns, the agency, the answer's due time and the status if the status is
// still `expected_status`; false when someone changed it first.
bool update_feedback_lifecycle(SqlConnection& db, const FeedbackRecord& f,
                               const std::string& expected_status);
std::optional<FeedbackRecord> find_feedback(SqlConnection& db, const std::string& id);
std::optional<FeedbackRecord> find_feedback_by_code(SqlConnection& db, const std::string& code);

// Feedback addressed to any of `agency_ids`, oldest first; `status` empty: any.
std::vector<FeedbackRecord> list_feedback(SqlConnection& db,
                                          const std::vector<std::string>& agency_ids,
                                          const std::string& status, int limit);

// Published feedback, newest first: every word of `folded_words` in the folded question and answer,
// optionally of one procedure and of some agencies (empty: any).
std::vector<FeedbackRecord> search_published_feedback(SqlConnection& db,
                                                      const std::vector<std::string>& folded_words,
                                                      const std::string& procedure_code,
                                                      const std::vector<std::string>& agency_ids,
                                                      int limit);

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
