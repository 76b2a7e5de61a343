// Read-side use cases: an official's work queue ordered by due time with its lateness, an
// applicant's own dossiers, public tracking by code, and accent-insensitive search of procedures.
#pragma once

#include <vector>

#include "app/common/actor.hpp"
#include "app/common/app_error.hpp"
#include "app/dossier/dossier_views.hpp"
#include "app/queries/procedure_search.hpp"  // search_procedures, used with these queries
#include "domain/calendar/working_calendar.hpp"
#include "store/sql.hpp"

namespace motcua::app {

struct QueueQuery {
  std::vector<std::string> statuses;  // empty: every open status
  bool mine_only = false;             // only dossiers assigned to the actor
  std::string applicant;              // accent-insensitive name filter
  std::string lateness;               // on_time | due_soon | overdue | paused, empty: any
  std::string procedure_code;         // one procedure only, empty: any
  int limit = 200;
};

AppResult<std::vector<QueueItem>> work_queue(store::SqlConnection& db, const Actor& actor,
                                             const QueueQuery& query,
                                             const calendar::WorkingCalendar& cal, Instant now);

AppResult<std::vector<QueueItem>> my_dossiers(store::SqlConnection& db, const Actor& actor,
                                              const calendar::WorkingCalendar& cal, Instant now);

// Anyone may track a dossier by its code: status, dates and a masked name only.
AppResult<TrackingView> track(store::SqlConnection& db, const std::string& code,
                              int utc_offset_minutes);

}  // namespace motcua::app
