// The Decision 766/QĐ-TTg index (Bộ chỉ số chỉ đạo, điều hành và đánh giá chất lượng phục vụ người
// dân, doanh nghiệp): five groups worth 18/20/22/22/18 points, each the sum of its indices. This
// file only scores facts the caller gathered (one row per dossier, procedure and feedback item of
// the period and agency subtree), so the same rows give the figure and its drill-down, and a
// worked example can be replayed without a database. Formulas, sources and the split of a group's
// points among its indices: docs/rules.md, "Decision 766 index".
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/calendar/working_calendar.hpp"

namespace motcua::index766 {

// One received dossier of the period (the statistics read model's population).
struct DossierFacts {
  std::string id;
  std::string code;
  std::string procedure_code;
  bool online = false;             // submitted online (channel 2)
  bool counted_on_time = false;    // finished early/on time, or open within time (progress)
  bool late_or_overdue = false;    // finished late, or open and overdue
  bool synced = false;             // a sync record reached the National Portal, none is dead
  bool fee_bearing = false;        // a fee was requested (fee 0 procedures are not counted)
  bool paid_online = false;        // a fee paid through the online gateway
  bool digitised = false;          // at least one electronic paper uploaded
  bool has_result = false;         // finished with a result (approved)
  bool rated_unsatisfied = false;  // the applicant's overall rating is 1 or 2 of 5
  bool reused = false;             // a paper was taken from the applicant's paper store
};

// Inputs MotCua cannot know, recorded by administrators with their source (never guessed).
struct ProcedureInputs {
  std::optional<Date> decision_published;     // the province's decision announcing the procedure
  std::optional<Date> legal_basis_effective;  // the day the legal basis takes effect
  std::optional<Date> entered_database;       // entered in the national procedure database
  std::optional<bool> electronic_result;      // the result is issued as an electronic document
};

// One procedure the agency subtree handles (it has a process there).
struct ProcedureFacts {
  std::string code;
  bool offered_online = false;  // the catalogue lists online submission
  ProcedureInputs inputs;
};

// One feedback item (phản ánh, kiến nghị) received in the period.
struct FeedbackFacts {
  std::string id;
  bool handled_in_time = false;  // answered by its due time, or still open and not yet due
};

struct Facts {
  std::vector<DossierFacts> dossiers;
  std::vector<ProcedureFacts> procedures;
  std::vector<FeedbackFacts> feedback;
};

struct IndexScore {
  std::string key;
  std::string name_vi;
  std::string name_en;
  std::optional<double> value;  // 0..1, 4 decimals; nullopt when nothing could be measured
  double points = 0;            // 2 decimals
  double max_points = 0;
  std::int64_t numerator = 0;
  std::int64_t denominator = 0;
};

struct GroupScore {
  std::string key;  // publicity | progress | online | digitisation | satisfaction
  double points = 0;
  int max_points = 0;
  std::vector<std::string> missing_inputs;  // "<index>:<procedure>:<input>" or "<index>:<what>"
  std::vector<IndexScore> indices;
};

struct Score {
  double total = 0;
  std::vector<GroupScore> groups;  // in the order above
};

// The dossiers of the period counted instead of listed: all the dossier indices need of them, so
// a statistics rollup can score the period without reading a row per dossier.
struct DossierCounts {
  std::int64_t dossiers = 0;
  std::int64_t online = 0;
  std::int64_t counted_on_time = 0;
  std::int64_t synced = 0;
  std::int64_t fee_bearing = 0;
  std::int64_t fee_paid_online = 0;  // fee-bearing and paid online
  std::int64_t digitised = 0;
  std::int64_t digitised_reused = 0;  // digitised and reused
  std::int64_t satisfied = 0;         // neither late nor overdue, nor rated unsatisfied
  // Dossiers with a result per procedure, each procedure once, in the order of its first such
  // dossier in the period (the order missing inputs are listed in).
  std::vector<std::pair<std::string, std::int64_t>> results;
};
DossierCounts count(const std::vector<DossierFacts>& dossiers);

struct CountedFacts {
  DossierCounts dossiers;
  std::vector<ProcedureFacts> procedures;
  std::vector<FeedbackFacts> feedback;
};

// Scores the facts. `cal` counts the working days of the publication deadlines. Both give the
// same score for the same period: the first counts its dossiers and scores the counts.
Score score(const Facts& facts, const calendar::WorkingCalendar& cal);
Score score(const CountedFacts& facts, const calendar::WorkingCalendar& cal);

// The index keys, in the order of the groups.
const std::vector<std::string>& index_keys();

// What stands behind one index: the dossiers (or procedures, or feedback items) of its denominator,
// each saying whether it counts in the numerator. nullopt for an unknown key.
struct Item {
  std::string id;
  std::string label;  // dossier code, procedure code
  bool counted = false;
};
std::optional<std::vector<Item>> items(const std::string& index_key, const Facts& facts,
                                       const calendar::WorkingCalendar& cal);

}  // namespace motcua::index766
