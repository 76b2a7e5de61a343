// Read-side use cases of the officials' workspace: the officials an action can name (pickers for
// assign, forward, send back, consult) and the tracking book of a one-stop unit (form 07).
#pragma once

#include <optional>
#include <vector>

#include "app/common/actor.hpp"
#include "app/common/app_error.hpp"
#include "app/queries/officer_views.hpp"
#include "domain/calendar/working_calendar.hpp"
#include "store/sql.hpp"

namespace motcua::app {

// Active officials with a role in `agency_id` (or, when empty, in any agency the caller may name),
// optionally only those holding `role`. The caller may name people of the agencies their grants
// cover and of the agencies that take part in the internal processes of those agencies (liên
// thông); asking for another agency is 403. Ordered by name.
AppResult<std::vector<PickableOfficial>> officials(store::SqlConnection& db, const Actor& actor,
                                                   const std::string& agency_id,
                                                   std::optional<dossier::Role> role);

// The tracking book (sổ theo dõi hồ sơ, form 07) of one one-stop unit: the dossiers it received
// from `from` to `to` (local dates, inclusive), in order of receipt, numbered. Reception and
// leaders covering the unit's agency only; a range of at most 366 days.
AppResult<TrackingBook> tracking_book(store::SqlConnection& db, const Actor& actor,
                                      const std::string& unit_id, const std::string& from,
                                      const std::string& to, int utc_offset_minutes);

}  // namespace motcua::app
