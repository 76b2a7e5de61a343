// Read models of a dossier as JSON: the full view for those who may see it, the public tracking
// view (no personal data beyond a masked name), and a work-queue row with its lateness state.
#pragma once

#include <boost/json/object.hpp>
#include <optional>

#include "app/dossier/dossier_document.hpp"
#include "app/dossier/dossier_history.hpp"
#include "domain/calendar/working_calendar.hpp"
#include "store/dossier_repository.hpp"

namespace motcua::app {

boost::json::object dossier_view(const store::DossierRecord& record, const History& history,
                                 const DossierDocument& document,
                                 const std::optional<clock::ClockReport>& report, int utc_offset);

boost::json::object tracking_view(const store::DossierRecord& record, const History& history,
                                  const DossierDocument& document, int utc_offset);

// on_time | due_soon (at most one working day left) | overdue | paused | closed
std::string lateness(const store::DossierRecord& record, const calendar::WorkingCalendar& cal,
                     Instant now);
boost::json::object queue_item(const store::DossierRecord& record,
                               const calendar::WorkingCalendar& cal, Instant now);

// "Nguyễn Văn An" -> "N***** V** A*": the first letter of each word, the rest masked.
std::string mask_name(const std::string& utf8_name);

}  // namespace motcua::app
