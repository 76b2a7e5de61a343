// The statistics read model (migration 0006): writing one dossier's outcome rows and the aggregate
// queries over them. Every figure is a GROUP BY over these tables, so a statistic costs one indexed
// scan of the months asked for, never a replay of the event log.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "store/sql.hpp"

namespace motcua::store {

struct OutcomeRow {
  std::string dossier_id;
  std::int64_t version = 0;
  std::string agency_id;
  std::string procedure_code;
  std::string channel;
  std::int64_t received_s = 0;
  std::string received_month;
  std::optional<std::int64_t> finished_s;
  std::string outcome;
  std::optional<std::int64_t> overdue_from_s;
  std::optional<std::int64_t> due_s;
  std::optional<std::int64_t> due_766_s;
  std::string paused;
  std::int64_t supplement_requests = 0;
  std::string apology_reason;
  std::optional<std::int64_t> apology_new_due_s;
  std::string flags;
  std::string late_cause;  // finished late: agency | official | other_agency | applicant
};

struct StepRow {
  std::string name;
  std::string party;
  std::int64_t started_s = 0;
  std::optional<std::int64_t> ended_s;
  std::optional<std::int64_t> due_s;
  std::int64_t used_s = 0;
  std::string result;
};

// Dossiers created or changed since their outcome rows were last rebuilt (marked by triggers on
// `dossiers`, migration 0008); some may not be received yet.
std::vector<std::string> stale_outcome_ids(SqlConnection& db);
// Clears a dossier's mark; call in the transaction that rebuilds (or decides to skip) its rows.
void clear_stale_outcome(SqlConnection& db, const std::string& dossier_id);

// Replaces the outcome, steps and party time of one dossier, and its Decision 766 facts (migration
// 0054: a portal sync delivered and none dead, a fee requested, paid online, a paper, a result, an
// unsatisfied rating, a reused paper), read here from their tables; the monthly rollup follows.
void replace_outcome(SqlConnection& db, const OutcomeRow& row, const std::vector<StepRow>& steps,
                     const std::vector<std::pair<std::string, std::int64_t>>& party_time);

// Filters shared by the aggregate queries: months of receipt (inclusive, YYYY-MM) and the agencies
// (empty: all).
struct OutcomeScope {
  std::string from_month;
  std::string to_month;
  std::vector<std::string> agency_ids;
  bool all_agencies = false;  // public figures; otherwise an empty list means nothing
};

// " AND <column> IN (?, ...)" over the scope's agencies with its parameters appended, or nothing
// when every agency is in scope (an empty list matches no row). Shared by the statistics, Decision
// 766, evaluation and scoreboard queries.
std::string agency_in_clause(const OutcomeScope& scope, const char* column,
                             std::vector<SqlValue>& params);

struct OnTimeCounts {
  std::string group;  // agency id or procedure code
  std::string month;
  std::int64_t received = 0, early = 0, on_time = 0, late = 0;
  std::int64_t open_within = 0, open_overdue = 0, open_paused = 0, online = 0;
  // Finished late, by cause (domain/clock/lateness_cause.hpp).
  std::int64_t late_agency = 0, late_official = 0, late_other_agency = 0, late_applicant = 0;
};
// group_by: "agency" or "procedure". `now_s` decides which open dossiers are overdue. Read from the
// monthly rollup (migration 0052, kept by replace_outcome), plus the open dossiers of the months
// asked for the overdue split: a scope is always whole months of receipt, so the rollup always
// answers.
std::vector<OnTimeCounts> on_time_counts(SqlConnection& db, const OutcomeScope& scope,
                                         const std::string& group_by, std::int64_t now_s);
// The same figures by a GROUP BY over every outcome row of the months asked: the reference the
// rollup must equal (store tests), and the cost it saves (bench).
std::vector<OnTimeCounts> on_time_counts_from_rows(SqlConnection& db, const OutcomeScope& scope,
                                                   const std::string& group_by, std::int64_t now_s);

struct OfficialCounts {
  std::string agency_id;
  std::string party;  // official:<id>
  std::int64_t steps = 0, early = 0, on_time = 0, late = 0, no_budget = 0, used_s = 0;
};
// Closed steps of the control sheet, per agency and the official who held them.
std::vector<OfficialCounts> official_counts(SqlConnection& db, const OutcomeScope& scope);

struct PartyTime {
  std::string procedure_code;
  std::string party;
  std::int64_t seconds = 0;
};
// Working time per procedure and party over finished dossiers, and their number per procedure.
std::vector<PartyTime> party_time(SqlConnection& db, const OutcomeScope& scope);
std::vector<std::pair<std::string, std::int64_t>> finished_per_procedure(SqlConnection& db,
                                                                         const OutcomeScope& scope);

struct OverdueRow {
  OutcomeRow outcome;
  std::optional<std::string> code;
  std::string status;
  std::optional<std::string> assignee_id;
  std::string current_step;
};
// Finished late, or open and overdue at `now_s`; the most overdue first.
std::vector<OverdueRow> overdue_dossiers(SqlConnection& db, const OutcomeScope& scope,
                                         std::int64_t now_s, int limit);
std::vector<StepRow> steps_of(SqlConnection& db, const std::string& dossier_id);
std::int64_t applicant_time(SqlConnection& db, const std::string& dossier_id);

// Display names.
std::string agency_name(SqlConnection& db, const std::string& id);
std::string procedure_name(SqlConnection& db, const std::string& code);
std::string user_name(SqlConnection& db, const std::string& id);
// The roles a user holds anywhere (reception, processing, leader, administrator).
std::vector<std::string> user_roles(SqlConnection& db, const std::string& id);

}  // namespace motcua::store
