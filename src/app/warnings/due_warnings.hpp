// Warnings before a breach and escalation after one (issue 13 point 7, docs/rules.md "Tracking a
// paused dossier, warnings and escalation"). A configurable number of working hours (installation
// setting `warning_working_hours`, default 8 = one working day) before a dossier's or its current
// step's due time, the holder and the leaders of the dossier's agency are warned; an overdue
// dossier is escalated to the leaders of the parent agency (the next level); a step past its budget
// is reported to the agency's leaders. Each alert is written once to the outbox (topic
// notify.official) under a key naming the dossier, the kind, the due time and the threshold, so
// running the job again writes nothing new, while a new due time (an apology) or a new threshold
// warns again.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/common/actor.hpp"
#include "app/common/app_error.hpp"
#include "domain/calendar/working_calendar.hpp"
#include "store/sql.hpp"

namespace motcua::app {

inline constexpr int kDefaultWarningHours = 8;
inline constexpr int kMaxWarningHours = 200;  // 25 working days: beyond that it warns of everything

// The setting, or the default when it was never set.
int warning_hours(store::SqlConnection& db);
// The setting with its last change, from the audit log (so the administrator's screen needs no
// access to the audit log): all empty when it was never changed.
struct WarningThreshold {
  int hours = kDefaultWarningHours;
  std::string changed_by;       // user id
  std::string changed_by_name;  // display name, when the account still exists
  std::string changed_at;       // ISO 8601
  std::string reason;
  std::optional<int> previous_hours;
};
WarningThreshold warning_threshold(store::SqlConnection& db);
// Sets the threshold (1..kMaxWarningHours working hours), recording who and why in the audit log.
AppResult<int> set_warning_hours(store::SqlConnection& db, const Actor& actor, int hours,
                                 const std::string& reason, const std::string& now_iso);

struct DueAlert {
  std::string kind;  // due_soon | step_due_soon | overdue | step_overrun
  std::string dossier_id;
  std::string dossier_code;
  std::string procedure_name;
  std::string agency_id;
  std::string holder_id;  // the official holding the dossier, empty when none
  std::string step;       // for the step kinds
  Instant due;
  std::string due_iso;
};

// Every alert of the open dossiers (clock running) in `agency_ids` (every agency when empty) at
// `now`: one per dossier for its own due time (due_soon or overdue) and one for its current step
// (step_due_soon or step_overrun), when there is one to give.
std::vector<DueAlert> due_alerts(store::SqlConnection& db, const calendar::WorkingCalendar& cal,
                                 Instant now, int hours,
                                 const std::vector<std::string>& agency_ids = {});

struct WarnRun {
  int hours = kDefaultWarningHours;
  int alerts = 0;   // alerts found now
  int written = 0;  // outbox messages new this run (the rest were written before)
};

// The periodic job: writes each alert's message to the outbox once. Run it in a write transaction.
WarnRun write_due_warnings(store::SqlConnection& db, const calendar::WorkingCalendar& cal,
                           Instant now);

// What the workspace shows an official: warnings for dossiers they hold or lead, dossiers of the
// agencies below theirs escalated to them, and step overruns in the agencies they lead.
struct WarningsView {
  int hours = kDefaultWarningHours;
  std::vector<DueAlert> due_soon;
  std::vector<DueAlert> escalated;
  std::vector<DueAlert> step_overruns;
};

AppResult<WarningsView> warnings_for(store::SqlConnection& db, const Actor& actor,
                                     const calendar::WorkingCalendar& cal, Instant now);

}  // namespace motcua::app
