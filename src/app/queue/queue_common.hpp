// Shared by the queue's use cases (not a public interface): refusals, the local day, who serves
// which unit, and the ticket's view.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/common/actor.hpp"
#include "app/common/app_error.hpp"
#include "app/queue/queue_views.hpp"
#include "domain/calendar/date.hpp"
#include "domain/dossier/roles.hpp"
#include "store/agency_repository.hpp"
#include "store/queue_repository.hpp"

namespace motcua::app::queue_detail {

AppError refuse(ErrorKind kind, const std::string& code, const std::string& vi,
                const std::string& en, const std::string& detail = {});

// "2026-03-09": the local day the numbers run in.
std::string day_of(Instant now, int utc_offset_minutes);

// The unit, or 404 unknown_unit.
AppResult<store::OneStopUnitRow> unit_or_404(store::SqlConnection& db, const std::string& unit_id);

// True when one of the actor's grants for `role` (any role when nullopt) covers the unit's agency.
bool serves_unit(store::SqlConnection& db, const Actor& actor, const store::OneStopUnitRow& unit,
                 std::optional<dossier::Role> role);

TicketView ticket_view(store::SqlConnection& db, const store::TicketRecord& t);

QueueServiceView service_view(const store::QueueServiceRecord& s);

// The counter with today's waiting count and the ticket it is serving.
QueueCounterView counter_view(store::SqlConnection& db, const store::QueueCounterRecord& c,
                              const std::string& unit_name, const std::string& day);

}  // namespace motcua::app::queue_detail
