// Read-side use cases: an official's work queue ordered by due time with its lateness, an
// applicant's own dossiers, public tracking by code, and accent-insensitive search of procedures.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
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
  std::string lateness;               // on_time | due_soon | overdue | paused | closed, empty: any
  std::string procedure_code;         // one procedure only, empty: any
  int limit = 200;
};

AppResult<std::vector<QueueItem>> work_queue(store::SqlConnection& db, const Actor& actor,
                                             const QueueQuery& query,
                                             const calendar::WorkingCalendar& cal, Instant now);

AppResult<std::vector<QueueItem>> my_dossiers(store::SqlConnection& db, const Actor& actor,
                                              const calendar::WorkingCalendar& cal, Instant now);

// The dossier of a code (as typed: any case, stray spaces) whose tracking secret is `secret`;
// nullopt for an unknown code and for a known code with a wrong or missing secret alike, so the
// public page cannot tell them apart (domain/dossier/tracking_secret.hpp).
// Read as a list line: the public page never opens the sealed form.
std::optional<store::DossierListRow> tracked_dossier(store::SqlConnection& db,
                                                     const std::string& code,
                                                     const std::string& secret);

// The dossier and version a tracking request names, its secret checked and nothing else read
// (the same not-found error as track() otherwise). The tracking view of one version of a dossier
// never changes (the procedure's name is that of an immutable catalogue version), so a caller may
// keep a rendered view under this key and skip track() while the version stands.
struct TrackedVersion {
  std::string dossier_id;
  std::int64_t version = 0;
};
AppResult<TrackedVersion> tracked_version(store::SqlConnection& db, const std::string& code,
                                          const std::string& secret);

// A dossier's code (none before it is given) and tracking secret, for those who may read the
// dossier (app/dossier/dossier_access.hpp; not found otherwise, as a missing one): the receipt
// screen, the applicant reading it again, the desk helping one who lost the slip. Only the record
// and the rights are read, not the history or the view.
struct DossierTrackingSecret {
  std::optional<std::string> code;
  std::string secret;  // empty when the dossier has none
};
AppResult<DossierTrackingSecret> dossier_tracking_secret(store::SqlConnection& db,
                                                         const Actor& actor,
                                                         const std::string& dossier_id);

// Anyone holding a dossier's code and tracking secret may track it: status, dates and a masked
// name only. Not found, with the same error, for an unknown code or a wrong secret.
AppResult<TrackingView> track(store::SqlConnection& db, const std::string& code,
                              const std::string& secret, int utc_offset_minutes);

}  // namespace motcua::app
