// Evaluation by the nine indices (Decree 61/2018 Art. 27-32; Circular 01/2018/TT-VPCP Art. 12-15):
// every finished dossier earns 0, 1 or 2 points on each index from what MotCua knows of it; an
// index score is the mean over the dossiers it could be scored for, rounded to one decimal; an
// official is banded on indices 1, 2, 3, 4 and 7, a unit on all nine. Pure: the caller gathers the
// facts. Formulas, sources and our readings ([M]): docs/rules.md section 21.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace motcua::evaluation {

// The thresholds of the law, as data/evaluation/nine-indices.json states them (the defaults here
// are the same values, checked by a test, so a missing file changes nothing).
struct Rules {
  int feedback_full_percent = 100;           // index 8: answered in time -> 2 points
  int feedback_partial_percent = 90;         //          -> 1 point
  int online_procedures_full_percent = 20;   // index 9: procedures offered online
  int online_dossiers_full_percent = 30;     //          dossiers submitted online -> 2 points
  int online_dossiers_partial_percent = 15;  //         -> 1 point
  int official_full_tenths = 50;             // >= 5.0: 100% of tasks
  int official_partial_tenths = 35;          // >= 3.5: 70 to <100%
  int unit_excellent_tenths = 150;
  int unit_good_tenths = 120;
  int unit_fair_tenths = 90;
  int unit_average_tenths = 60;
  friend bool operator==(const Rules&, const Rules&) = default;
};

// One closed control-sheet step (Form 06) of the dossier.
struct StepFact {
  std::string party;   // official:<id>
  std::string result;  // early | on_time | late | '' (no time budget)
};

// The applicant's rating (app/engagement/ratings.hpp), already in points.
struct RatingFact {
  int contacts_points = 0;
  int bodies_points = 0;
  int attitude_points = 0;
};

struct DossierFacts {
  std::string id;
  std::string code;
  std::string agency_id;  // the deciding agency (the unit evaluated)
  std::string procedure_code;
  std::string outcome;  // early | on_time | late | open (the legal clock, Decision 766 reading)
  std::vector<StepFact> steps;
  std::optional<RatingFact> rating;
  bool through_one_stop = false;      // received at a one-stop unit, online or by post
  bool in_catalog = false;            // the procedure is in the public catalogue
  bool decision_known = false;        // with the number of the decision announcing it
  std::int64_t feedback_total = 0;    // feedback on its procedure at its agency in the period
  std::int64_t feedback_in_time = 0;  // of which answered by the due time (or not yet due)
};

// The online figures of the dossier's agency over the period (index 9 is a property of the unit
// applied to each of its dossiers).
struct AgencyOnline {
  std::int64_t procedures = 0;
  std::int64_t procedures_online = 0;
  std::int64_t dossiers = 0;
  std::int64_t dossiers_online = 0;
  std::int64_t online_late = 0;  // online dossiers finished late or open and overdue
};

inline constexpr int kIndexCount = 9;
// The indices an official is evaluated on (Circular 01/2018 Art. 15).
inline constexpr std::array<int, 5> kOfficialIndices{1, 2, 3, 4, 7};

struct IndexPoints {
  int index = 0;              // 1..9
  std::optional<int> points;  // nullopt: not scored for this dossier (open, no rating, ...)
  std::string reason_vi;
  std::string reason_en;
};

struct DossierEvaluation {
  std::string id;
  std::array<IndexPoints, kIndexCount> indices;
};

DossierEvaluation evaluate(const DossierFacts& dossier, const AgencyOnline& online,
                           const Rules& rules);

// sum / count in tenths, rounded half away from zero (count > 0): 19/20 = 0.95 -> 10 (1.0).
int mean_tenths(std::int64_t sum, std::int64_t count);

struct IndexScore {
  int index = 0;
  std::optional<int> tenths;  // nullopt when no dossier could be scored on it
  std::int64_t scored = 0;    // dossiers scored
};
// The score of each listed index over `dossiers` (the indices in the order given).
std::vector<IndexScore> index_scores(const std::vector<const DossierEvaluation*>& dossiers,
                                     const std::vector<int>& indices);

enum class OfficialBand { full, partial, low };  // 100% / 70 to <100% / <70% of tasks
enum class UnitBand { excellent, good, fair, average, weak };
OfficialBand official_band(int total_tenths, const Rules& rules);
UnitBand unit_band(int total_tenths, const Rules& rules);
std::string_view to_string(OfficialBand b);
std::string_view to_string(UnitBand b);

// The names of the indices (1..9), as the circular words them.
struct IndexName {
  const char* key;
  const char* vi;
  const char* en;
};
const IndexName& index_name(int index);

}  // namespace motcua::evaluation
