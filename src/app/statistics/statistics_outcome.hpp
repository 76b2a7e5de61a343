// What one dossier contributes to the statistics, computed from its legal clock: its outcome under
// Decision 766 (early, on time, late, or still open and from when it counts as overdue), the causes
// of lateness a leader needs (apology, pauses, flags), its control-sheet steps and the working
// time per party. Pure: the caller loads the history and replays the clock.
//
// Definitions (docs/rules.md, "Statistics"):
//  - finished = result ready, refused after review, or stopped (Decision 766 takes the end in the
//    order processed > returned > stopped/refused/withdrawn; the clock's `finished` is the first);
//  - on time = the clock's `on_time_766`: finished at or before `due_766` (by the due day's end
//  under
//    the civil-code and calendar-day rules) and at most one supplement request;
//  - early = on time and finished on a day before the due day (as the control sheet, Form 06);
//  - an open dossier is overdue once `now` passes its `due_766` (day end where the rule says so);
//    while the clock is paused it stays as it was when the pause began; a second supplement
//    request makes it overdue at once.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/dossier/dossier_history.hpp"
#include "domain/clock/legal_clock.hpp"

namespace motcua::app {

enum class Outcome { early, on_time, late, open };
std::string_view to_string(Outcome o);

struct StepOutcome {
  std::string name;
  std::string party;
  Instant started;
  std::optional<Instant> ended;
  std::optional<Instant> due;
  Seconds used = 0;
  std::string result;  // early | on_time | late | ''
};

struct DossierOutcome {
  Instant received;
  std::string received_month;  // YYYY-MM local
  std::optional<Instant> finished;
  Outcome outcome = Outcome::open;
  // Open only: the first instant at which the dossier counts as overdue; Instant{0} when it already
  // does whatever the time; nullopt when it cannot become overdue before something happens (paused
  // within time).
  std::optional<Instant> overdue_from;
  std::optional<Instant> due;
  std::optional<Instant> due_766;
  std::string paused;  // '' | supplement | payment
  int supplement_requests = 0;
  std::string apology_reason;
  std::optional<Instant> apology_new_due;
  std::vector<std::string> flags;
  std::vector<StepOutcome> steps;
  std::vector<std::pair<std::string, Seconds>> party_time;
};

// `input` is the clock input `report` was replayed from (needed to find where a pause stands).
DossierOutcome outcome_of(const calendar::WorkingCalendar& cal, const History& history,
                          const clock::ClockInput& input, const clock::ClockReport& report);

// The first instant after which finishing counts as late for this due date.
Instant late_from(const calendar::WorkingCalendar& cal, Instant due, bool day_end);

}  // namespace motcua::app
