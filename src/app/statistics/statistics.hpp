// Statistics use cases (báo cáo, thống kê): public on-time figures per agency or procedure and
// month, the Decision 766 components we can compute, and the leader's figures (per unit and
// official, overdue dossiers with their causes, who used the time, the approval queue). Each reads
// the statistics read model after refresh_statistics() (statistics_refresh.hpp); the definitions of
// every figure are in statistics_outcome.hpp and docs/rules.md ("Statistics").
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "app/common/actor.hpp"
#include "app/common/app_error.hpp"
#include "app/dossier/dossier_views.hpp"
#include "app/statistics/statistics_views.hpp"
#include "domain/calendar/working_calendar.hpp"
#include "domain/evaluation/nine_indices.hpp"
#include "store/sql.hpp"

namespace motcua::app {

struct StatisticsQuery {
  std::string group = "agency";  // agency | procedure (on-time figures)
  std::string from;              // YYYY-MM; empty: five months before `to`
  std::string to;                // YYYY-MM; empty: the current month
  std::string agency_id;         // empty: every agency (public) or every agency led (leaders)
  std::string procedure_code;    // Decision 766 only: one procedure's dossiers, offer and feedback
};

// Public: no personal data, anyone may read.
AppResult<OnTimeStatistics> on_time_statistics(store::SqlConnection& db,
                                               const calendar::WorkingCalendar& cal,
                                               const StatisticsQuery& q, Instant now);
// Decision 766: the five groups and their points (statistics_index766.cpp, docs/rules.md). The
// dossiers are counted from the monthly rollup of the read model (migration 0054), whatever the
// months, agency or procedure asked; the procedures and feedback are read as rows.
AppResult<Index766> index_766(store::SqlConnection& db, const calendar::WorkingCalendar& cal,
                              const StatisticsQuery& q, Instant now);
// The same answer from one row per dossier (the facts the drill-down lists): the reference the
// rollup must equal (tests) and the cost it saves (bench/index766_bench.cpp).
AppResult<Index766> index_766_from_rows(store::SqlConnection& db,
                                        const calendar::WorkingCalendar& cal,
                                        const StatisticsQuery& q, Instant now);
// One page of the drill-down's items: at most `limit` (1..kIndex766ItemsAtMost) from `offset`.
struct ItemsPage {
  std::size_t limit = 200;
  std::size_t offset = 0;
};
inline constexpr std::size_t kIndex766ItemsAtMost = 1000;

// The drill-down of one index: counts for anyone, from the monthly rollup as the index itself
// (so an anonymous caller never makes the server read one row per dossier); the items themselves,
// one page of them, only when `actor` holds a grant over every agency in scope.
AppResult<Index766Items> index_766_items(store::SqlConnection& db,
                                         const calendar::WorkingCalendar& cal,
                                         const std::optional<Actor>& actor,
                                         const std::string& index_key, const StatisticsQuery& q,
                                         ItemsPage page, Instant now);

// Inputs of the index MotCua cannot know, recorded by administrators with their source; every
// change is audited with its reason.
AppResult<Index766Inputs> list_index_766_inputs(store::SqlConnection& db, const Actor& actor);
struct Index766InputChange {
  std::string procedure_code;
  std::string input_key;
  std::string value;  // empty: remove the input
  std::string source;
  std::string reason;
};
AppResult<Index766Input> record_index_766_input(store::SqlConnection& db,
                                                const calendar::WorkingCalendar& cal,
                                                const Actor& actor,
                                                const Index766InputChange& change, Instant now);

// Leaders and administrators, over the agencies in the subtree of their leader/administrator
// grants only.
AppResult<OfficialStatistics> official_statistics(store::SqlConnection& db,
                                                  const calendar::WorkingCalendar& cal,
                                                  const Actor& actor, const StatisticsQuery& q,
                                                  Instant now);
AppResult<OverdueStatistics> overdue_statistics(store::SqlConnection& db,
                                                const calendar::WorkingCalendar& cal,
                                                const Actor& actor, const StatisticsQuery& q,
                                                Instant now);
AppResult<TimeUsedStatistics> time_used_statistics(store::SqlConnection& db,
                                                   const calendar::WorkingCalendar& cal,
                                                   const Actor& actor, const StatisticsQuery& q,
                                                   Instant now);

// A row of the approval queue is a row of the work queue (dossier_views.hpp).
using ApprovalItem = QueueItem;

struct ApprovalQueue {
  std::string as_of;
  std::vector<ApprovalItem> dossiers;
  Bilingual definition;
};

// The dossiers in progress assigned to this leader (the approval step hands the dossier to the
// leader who signs), in agencies the actor leads, oldest due first.
AppResult<ApprovalQueue> approval_queue(store::SqlConnection& db,
                                        const calendar::WorkingCalendar& cal, const Actor& actor,
                                        Instant now);

// Evaluation by the nine indices (statistics_evaluation.cpp): leaders and administrators, per unit
// and official over the agencies they lead (404 outside them); one dossier's nine indices for
// whoever may see the dossier (its applicant, officials with a grant over it).
AppResult<EvaluationStatistics> evaluation_statistics(store::SqlConnection& db,
                                                      const calendar::WorkingCalendar& cal,
                                                      const evaluation::Rules& rules,
                                                      const Actor& actor, const StatisticsQuery& q,
                                                      Instant now);
AppResult<DossierEvaluationView> dossier_evaluation(store::SqlConnection& db,
                                                    const calendar::WorkingCalendar& cal,
                                                    const evaluation::Rules& rules,
                                                    const Actor& actor,
                                                    const std::string& dossier_id, Instant now);

}  // namespace motcua::app
