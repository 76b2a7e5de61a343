// Writes the notices of one committed dossier event to the outbox, in the event's transaction:
// one row per channel (topics "mail", "sms", "zalo"; payload codec/notice_payload.hpp) to the
// applicant's e-mail address and phone, in the applicant's language, honouring their preferences
// (notification_preferences.hpp). Replaces the retired topic "notify.applicant".
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "codec/dossier_document.hpp"
#include "domain/calendar/working_calendar.hpp"
#include "domain/dossier/dossier_state.hpp"
#include "store/dossier_repository.hpp"
#include "store/sql.hpp"

namespace motcua::app::notifications {

// `events` is the dossier's whole history including `event`; `key` names the event uniquely
// ("<dossier id>:<event seq>") and each row's idempotency key is key + ":" + topic. Returns the
// number of rows written.
int write_applicant_notices(store::SqlConnection& db, const calendar::WorkingCalendar& cal,
                            const store::DossierRecord& record,
                            const codec::DossierDocument& document,
                            const std::vector<dossier::Event>& events, const dossier::Event& event,
                            const std::string& key, Instant now);

}  // namespace motcua::app::notifications
