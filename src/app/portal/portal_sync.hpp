// Queues the National Public Service Portal's sync record of one dossier event in the outbox, in
// the transaction that records the event (topic "national_portal.sync", docs/integrations.md).
// The delivery engine hands it to integrations/national_portal; the idempotency key
// "<dossier>:<event seq>:dvcqg" lets the portal drop a repeat.
#pragma once

#include <cstddef>
#include <cstdint>

#include "app/dossier/dossier_document.hpp"
#include "app/dossier/dossier_history.hpp"
#include "domain/calendar/working_calendar.hpp"
#include "store/dossier_repository.hpp"
#include "store/sql.hpp"

namespace motcua::app::portal {

inline constexpr const char* kSyncTopic = "national_portal.sync";

// `event_index` is the event's index in `history.events` (the record as it stood right after it);
// `seq` its sequence number in the event log.
void enqueue_portal_sync(store::SqlConnection& db, const calendar::WorkingCalendar& cal,
                         const store::DossierRecord& dossier, const DossierDocument& document,
                         const History& history, std::size_t event_index, std::int64_t seq,
                         Instant now);

}  // namespace motcua::app::portal
