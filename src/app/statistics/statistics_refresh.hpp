// Keeps the statistics read model (store/statistics_queries.hpp) equal to the event log. A
// dossier's rows are rebuilt whenever it changed since they were written (triggers on `dossiers`
// mark every insert and version change, migration 0008), so every statistics request first
// refreshes the few dossiers marked since the last one and then aggregates in SQL. The rows are a
// cache: deleting them (and marking every dossier) loses nothing.
#pragma once

#include <cstddef>

#include "domain/calendar/working_calendar.hpp"
#include "store/store.hpp"

namespace motcua::app {

// Rebuilds the outcome rows of every received dossier whose row is missing or stale, in write jobs
// of a few hundred dossiers. Returns how many were rebuilt.
std::size_t refresh_statistics(store::Store& store, const calendar::WorkingCalendar& cal);

// The same for one dossier inside a caller's write job (false: not received yet or not found).
bool refresh_dossier_outcome(store::SqlConnection& db, const calendar::WorkingCalendar& cal,
                             const std::string& dossier_id);

}  // namespace motcua::app
