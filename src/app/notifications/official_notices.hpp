// Mail to officials for the warnings job's alerts (app/warnings/due_warnings.hpp): each recipient
// with an e-mail address gets a "mail" row (templates official_due_soon, official_overdue,
// official_step_overrun) beside the notify.official row the workspace's warning list is built
// from. Work notices: never switched off, no unsubscribe link.
#pragma once

#include <string>
#include <vector>

#include "domain/calendar/working_calendar.hpp"
#include "store/sql.hpp"

namespace motcua::app::notifications {

struct OfficialAlert {
  std::string kind;  // due_soon | step_due_soon | overdue | step_overrun
  std::string dossier_id;
  std::string dossier_code;
  std::string procedure_name;
  std::string step;
  Instant due;
};

// The template key of an alert kind.
std::string official_template(const std::string& kind);

// One row per recipient (user ids) with an e-mail address; `key` names the alert and each row's
// idempotency key is key + ":mail:" + user id. Returns the number of rows written.
int write_official_mail(store::SqlConnection& db, const calendar::WorkingCalendar& cal,
                        const OfficialAlert& alert, const std::vector<std::string>& recipients,
                        const std::string& key, Instant now);

}  // namespace motcua::app::notifications
