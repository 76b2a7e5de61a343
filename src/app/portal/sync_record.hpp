// The National Public Service Portal's sync record of a dossier as it stood right after one of its
// events (docs/integrations.md, "National Public Service Portal"; docs/rules.md section 4 for the
// status codes). Decision 31/2021 Art. 30 has the one-stop system push each dossier's progress to
// the portal; the record carries the status of THAT event, so a batch of events sends each status
// in turn and the portal never sees a later one first.
#pragma once

#include <cstddef>
#include <functional>
#include <string>

#include "app/dossier/dossier_document.hpp"
#include "app/dossier/dossier_history.hpp"
#include "codec/portal_sync_record.hpp"
#include "domain/calendar/working_calendar.hpp"

namespace motcua::app::portal {

// KenhThucHien: 1 counter, 2 online, 3 post (the channel the dossier came in by).
int channel_code(dossier::Channel channel);

// The portal's date format, yyyyMMddHHmmss in local time (as the provincial implementations send
// it); empty for an unknown instant.
std::string portal_datetime(const std::optional<Instant>& at, int utc_offset_minutes);

struct SyncSource {
  std::string procedure_code;  // MaTTHC as the catalogue holds it
  std::string agency_code;     // the competent agency's code
  std::string channel;         // the dossier row's channel: counter, online or post
  const DossierDocument& document;
  const History& history;  // every event so far; only the first `events_through` count
  // The name to show for an official's account id (NguoiXuLy); the id itself when unknown.
  std::function<std::string(const std::string&)> official_name;
  // The signed result file (app/dossier/dossier_results.hpp), once attached: listed in the latest
  // result's TepKetQua.
  std::optional<codec::PortalPaper> result_file = std::nullopt;
};

// The record as it stood after the first `events_through` events of `source.history`
// (1 <= events_through <= events.size()).
codec::PortalSyncRecord build_sync_record(const calendar::WorkingCalendar& cal,
                                          const SyncSource& source, std::size_t events_through);

}  // namespace motcua::app::portal
