// What the statistics use cases answer (statistics.hpp); their JSON is in
// api/json/statistics_json.hpp. Rates are part / whole rounded to 4 decimals, absent (null) when
// there is nothing to divide by; durations are whole minutes of the working calendar.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace motcua::app {

// User text in both languages of the interface.
struct Bilingual {
  std::string vi;
  std::string en;
};

// Dossiers finished late, by the party that held the time past its budget
// (domain/clock/lateness_cause.hpp, docs/rules.md section 22). Parties, never people.
struct LateByCause {
  std::int64_t agency = 0;
  std::int64_t official = 0;
  std::int64_t other_agency = 0;
  std::int64_t applicant = 0;
};

// Public on-time figures (Decision 766 progress) of a set of dossiers.
struct OnTimeTally {
  std::int64_t received = 0;
  std::int64_t finished_early = 0;
  std::int64_t finished_on_time = 0;
  std::int64_t finished_late = 0;
  std::int64_t open_within_time = 0;
  std::int64_t open_overdue = 0;
  std::int64_t open_paused = 0;
  std::optional<double> on_time_rate;
  LateByCause late_by_cause;
};

struct MonthTally {
  std::string month;  // YYYY-MM
  OnTimeTally tally;
};

struct OnTimeGroup {
  std::string id;  // agency id or procedure code
  std::string name;
  std::vector<MonthTally> months;
  OnTimeTally totals;
};

struct OnTimeDefinition {
  Bilingual period;
  Bilingual due_date;
  Bilingual on_time;
  Bilingual open;
  Bilingual on_time_rate;
};

struct OnTimeStatistics {
  std::string group;
  std::string from;
  std::string to;
  std::optional<std::string> agency_id;
  std::string as_of;
  std::vector<std::string> months;
  std::vector<OnTimeGroup> groups;
  std::vector<MonthTally> total_months;
  OnTimeTally all;
  OnTimeDefinition definition;
};

// The Decision 766 index (domain/index766): five groups of indices, each with its points.
struct Index766Index {
  std::string key;
  Bilingual name;
  std::optional<double> value;  // 0..1; null when nothing could be measured
  double points = 0;
  double max_points = 0;
  std::int64_t numerator = 0;
  std::int64_t denominator = 0;
  std::string drill_down_url;
};

struct Index766Group {
  std::string key;
  Bilingual name;
  double points = 0;
  int max_points = 0;
  std::vector<std::string> missing_inputs;
  std::vector<Index766Index> indices;
};

struct Index766 {
  std::string from;
  std::string to;
  std::optional<std::string> agency_id;
  std::string as_of;
  double total = 0;
  std::vector<Index766Group> groups;
  Bilingual source;
};

// What stands behind one index: its numerator and denominator, and for officials with a grant
// over the agencies the dossiers (or procedures, or feedback items) themselves.
struct Index766Item {
  std::string id;
  std::string label;
  bool counted = false;
};

struct Index766Items {
  std::string key;
  std::string from;
  std::string to;
  std::int64_t numerator = 0;
  std::int64_t denominator = 0;
  bool listed = false;          // false: counts only (public callers)
  std::size_t total_items = 0;  // every item behind the index (listed answers), of which
  std::size_t offset = 0;       // `items` is the page from this position
  std::vector<Index766Item> items;
};

// One input of the index recorded by an administrator (migration 0039).
struct Index766Input {
  std::string procedure_code;
  std::string input_key;
  std::string value;
  std::string source;
  std::string recorded_by;
  std::string recorded_at;
};

struct Index766Inputs {
  std::vector<Index766Input> inputs;
};

// Closed control-sheet steps of a unit or an official.
struct StepCounts {
  std::int64_t steps = 0;
  std::int64_t early = 0;
  std::int64_t on_time = 0;
  std::int64_t late = 0;
  std::int64_t without_budget = 0;
  std::int64_t minutes_used = 0;
  std::optional<double> on_time_rate;
};

struct OfficialFigures {
  StepCounts counts;
  std::string official_id;
  std::string name;
};

struct UnitFigures {
  StepCounts counts;
  std::string agency_id;
  std::string name;
  std::vector<OfficialFigures> officials;
};

struct OfficialStatistics {
  std::string from;
  std::string to;
  std::string as_of;
  std::vector<UnitFigures> units;
  Bilingual definition;
};

struct LateStep {
  std::string name;
  std::string official_id;
  std::string official_name;
  std::string started;
  std::optional<std::string> due;
  std::optional<std::string> ended;
  std::int64_t minutes_used = 0;
};

struct ApologyCause {
  std::string reason;
  std::optional<std::string> new_due;
};

// One party's share of a dossier's lateness: a late step, a late consultation, or the receiving
// unit's remainder (step empty).
struct LateCauseShare {
  std::string cause;  // agency | official | other_agency | applicant
  std::string step;
  std::int64_t overrun_minutes = 0;
};

struct OverdueCauses {
  std::optional<std::string> primary;  // the cause with the largest overrun
  std::vector<LateCauseShare> shares;
  std::optional<ApologyCause> apology;
  std::vector<LateStep> late_steps;
  std::int64_t supplement_requests = 0;
  std::int64_t applicant_minutes = 0;
  std::optional<std::string> paused;
  std::vector<std::string> flags;
};

// Who holds an open overdue dossier now.
struct DossierHolder {
  std::string official_id;
  std::string name;
  std::string step;
};

struct OverdueDossier {
  std::string id;
  std::optional<std::string> code;
  std::string procedure_code;
  std::string procedure_name;
  std::string agency_id;
  std::string agency_name;
  std::string status;
  std::string outcome;  // finished_late | open_overdue
  std::string received;
  std::optional<std::string> due;
  std::optional<std::string> due_766;
  std::optional<std::string> finished;
  std::optional<DossierHolder> holder;
  OverdueCauses causes;
};

struct OverdueStatistics {
  std::string from;
  std::string to;
  std::string as_of;
  int limit = 0;
  std::vector<OverdueDossier> dossiers;
  Bilingual definition;
};

struct PartyShare {
  std::string party;
  std::int64_t minutes = 0;
  std::int64_t minutes_per_dossier = 0;
  std::optional<double> share;
};

struct ProcedureTime {
  std::string code;
  std::string name;
  std::int64_t dossiers = 0;
  std::int64_t minutes = 0;
  std::vector<PartyShare> parties;
};

struct TimeUsedStatistics {
  std::string from;
  std::string to;
  std::string as_of;
  std::vector<ProcedureTime> procedures;
  std::int64_t total_dossiers = 0;
  std::int64_t total_minutes = 0;
  std::vector<PartyShare> total_parties;
  Bilingual definition;
};

// Evaluation by the nine indices (domain/evaluation, docs/rules.md section 21). Scores have one
// decimal; null when no dossier could be scored on the index.
struct EvaluationIndexScore {
  int index = 0;
  std::string key;
  Bilingual name;
  std::optional<double> score;
  std::int64_t scored = 0;  // dossiers scored on this index
};

// band: tasks_100 | tasks_70_100 | tasks_below_70 (officials), excellent | good | fair | average |
// weak (units), or incomplete when an index of the set has no score.
struct OfficialEvaluation {
  std::string official_id;
  std::string name;
  std::int64_t dossiers = 0;
  std::vector<EvaluationIndexScore> indices;  // 1, 2, 3, 4, 7
  std::optional<double> total;
  std::string band;
};

struct UnitEvaluation {
  std::string agency_id;
  std::string name;
  std::int64_t dossiers = 0;
  std::vector<EvaluationIndexScore> indices;  // 1..9
  std::optional<double> total;
  std::string band;
  std::vector<OfficialEvaluation> officials;
};

struct EvaluationStatistics {
  std::string from;
  std::string to;
  std::string as_of;
  std::vector<UnitEvaluation> units;
  Bilingual definition;
};

struct DossierIndexPoints {
  int index = 0;
  std::string key;
  Bilingual name;
  std::optional<int> points;
  Bilingual reason;
};

struct DossierEvaluationView {
  std::string dossier_id;
  std::optional<std::string> code;
  std::string outcome;
  std::vector<DossierIndexPoints> indices;
  Bilingual definition;
};

}  // namespace motcua::app
