// The rows the Decision 766 index is scored from (domain/index766): one per received dossier of the
// period with what the index asks of it, the procedures the agencies handle, the feedback they
// received, and the inputs administrators recorded (migration 0039). One scan per table, so the
// figure and its drill-down read the same rows.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "store/sql.hpp"
#include "store/statistics_queries.hpp"

namespace motcua::store {

struct Index766DossierRow {
  std::string id;
  std::string code;
  std::string procedure_code;
  bool online = false;
  bool counted_on_time = false;
  bool late_or_overdue = false;
  bool synced = false;
  bool fee_bearing = false;
  bool paid_online = false;
  bool digitised = false;
  bool has_result = false;
  bool rated_unsatisfied = false;
  bool reused = false;  // a paper taken from the applicant's paper store (papers.reused_from)
};
// `now_s` decides which open dossiers are overdue (as on_time_counts does).
std::vector<Index766DossierRow> index_766_dossiers(SqlConnection& db, const OutcomeScope& scope,
                                                   std::int64_t now_s);

struct Index766ProcedureRow {
  std::string code;
  bool offered_online = false;
};
// Procedures with a process in the scope's agencies (every process when all_agencies).
std::vector<Index766ProcedureRow> index_766_procedures(SqlConnection& db,
                                                       const OutcomeScope& scope);

struct Index766FeedbackRow {
  std::string id;
  std::string status;
  std::string received_at;
  std::string answer_due;
  std::optional<std::string> answered_at;
  // The other steps (migration 0043), '' when not taken, for the four deadlines.
  std::string clock_started_at;
  std::int64_t paused_seconds = 0;
  std::string rejected_at;
  std::string info_requested_at;
  std::string forwarded_at;
  std::string published_at;
  std::int64_t answer_working_days = 15;
  std::string procedure_code;
};
// Feedback addressed to the scope's agencies, received in its months (local time).
std::vector<Index766FeedbackRow> index_766_feedback(SqlConnection& db, const OutcomeScope& scope);

struct Index766InputRow {
  std::string procedure_code;
  std::string input_key;
  std::string value;
  std::string source;
  std::string recorded_by;
  std::string recorded_at;
};
std::vector<Index766InputRow> index_766_inputs(SqlConnection& db);
std::optional<Index766InputRow> find_index_766_input(SqlConnection& db,
                                                     const std::string& procedure_code,
                                                     const std::string& input_key);
// Inserts or replaces one input.
void put_index_766_input(SqlConnection& db, const Index766InputRow& row);
// Removes one input; false when there was none.
bool delete_index_766_input(SqlConnection& db, const std::string& procedure_code,
                            const std::string& input_key);

}  // namespace motcua::store
