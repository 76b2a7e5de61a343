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

// The same dossiers counted from the monthly rollup (migration 0054, kept by replace_outcome from
// the facts stored in each outcome row) instead of read one by one: what the index sums. Whatever
// depends on `now_s` (an open dossier overdue or not) is counted from the open rows, as
// on_time_counts does. `procedure_code` '' means every procedure.
struct Index766Counts {
  std::int64_t received = 0;
  std::int64_t finished_in_time = 0;  // early or on time
  std::int64_t open = 0;
  std::int64_t open_overdue = 0;           // at now_s
  std::int64_t open_within_satisfied = 0;  // open, not overdue at now_s, not rated 1-2
  std::int64_t online = 0;
  std::int64_t synced = 0;
  std::int64_t fee_bearing = 0;
  std::int64_t fee_paid_online = 0;  // of the fee-bearing ones
  std::int64_t digitised = 0;
  std::int64_t digitised_reused = 0;    // of the digitised ones
  std::int64_t satisfied_finished = 0;  // finished in time and not rated 1-2
  // Dossiers with a result per procedure, in the order the row query meets each procedure's first
  // one (received_s, then id): the order the index lists missing inputs in.
  std::vector<std::pair<std::string, std::int64_t>> results;
};
Index766Counts index_766_counts(SqlConnection& db, const OutcomeScope& scope,
                                const std::string& procedure_code, std::int64_t now_s);

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
