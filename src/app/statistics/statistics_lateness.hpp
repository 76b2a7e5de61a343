// The cause of lateness of one dossier from its statistics rows: the control sheet's steps as
// stored, plus each consultation of another agency as a row of its own (section 15), judged by
// clock::lateness_cause against due_766 (docs/rules.md section 22).
#pragma once

#include <vector>

#include "domain/clock/lateness_cause.hpp"
#include "store/sql.hpp"
#include "store/statistics_queries.hpp"

namespace motcua::app {

// `late`: the dossier finished late, or is open and overdue at `as_of`.
clock::LatenessVerdict lateness_of(store::SqlConnection& db, const calendar::WorkingCalendar& cal,
                                   const store::OutcomeRow& outcome,
                                   const std::vector<store::StepRow>& steps, bool late,
                                   Instant as_of);

}  // namespace motcua::app
