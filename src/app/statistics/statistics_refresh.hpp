// Keeps the statistics read model (store/statistics_queries.hpp) equal to the event log. A
// dossier's rows are rebuilt whenever it changed since they were written (triggers on `dossiers`
// mark every insert and version change, migration 0008), so every statistics request first
// refreshes the few dossiers marked since the last one and then aggregates in SQL. The rows are a
// cache: deleting them (and marking every dossier) loses nothing.
#pragma once

#include <atomic>
#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "domain/calendar/working_calendar.hpp"
#include "store/store.hpp"

namespace motcua::app {

// The write jobs that rebuild the outcome rows of every received dossier whose row is missing or
// stale, a few hundred dossiers each (read on `reader`; usually none). The server hands them to the
// store without waiting (src/api/statistics_routes.cpp); each keeps `cal` alive.
// When `rebuilt` is given, each job adds the number of dossiers it rebuilt.
// Several servers on one database: each job takes the statistics transaction lock
// (store/transaction_lock.hpp), so two servers never rebuild rows at once, and skips the dossiers
// whose stale mark another job has cleared since `reader` listed them (they are fresh).
std::vector<store::WriteJob> statistics_refresh_jobs(
    store::SqlConnection& reader, std::shared_ptr<const calendar::WorkingCalendar> cal,
    std::shared_ptr<std::atomic<std::size_t>> rebuilt = nullptr);

// The same, run to the end by the calling thread (CLI, benchmarks). Returns how many dossiers were
// rebuilt.
std::size_t refresh_statistics(store::Store& store, const calendar::WorkingCalendar& cal);

// The same for one dossier inside a caller's write job (false: not received yet or not found).
bool refresh_dossier_outcome(store::SqlConnection& db, const calendar::WorkingCalendar& cal,
                             const std::string& dossier_id);

}  // namespace motcua::app
