// The time limits of feedback on administrative regulations (phản ánh, kiến nghị), on the working
// calendar like the dossier clock: reject within 2 working days, ask the sender for information
// within 5, forward what is outside the agency's competence within 5, answer within the province's
// limit, publish the answer within 2 (Decree 20/2008/NĐ-CP as amended by Decree 92/2017/NĐ-CP,
// Decision 766/QĐ-TTg's satisfaction group; docs/rules.md section 10). Pure.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "domain/calendar/working_calendar.hpp"

namespace motcua::engagement {

// Working days per step. The answer's limit is the province's (data/feedback-terms.json), never a
// constant in code; the others are the national rules.
struct FeedbackTerms {
  std::int64_t reject = 2;
  std::int64_t ask = 5;
  std::int64_t forward = 5;
  std::int64_t answer = 15;
  std::int64_t publish = 2;
};

enum class FeedbackStep { reject, ask, forward, answer, publish };
std::string_view to_string(FeedbackStep step);

// What happened to one feedback item, as instants. `clock_start` is the receipt by this agency
// (the forwarding instant when another agency of the installation sent it here).
struct FeedbackTimes {
  Instant clock_start;
  Seconds paused = 0;                 // working time of closed waits for the sender
  std::optional<Instant> pause_open;  // asked for information, waiting
  std::optional<Instant> rejected;
  std::optional<Instant> info_requested;  // the first request (the 5-day step)
  std::optional<Instant> forwarded;       // sent out of the installation (partner, portal)
  std::optional<Instant> answered;
  std::optional<Instant> published;
};

// One step's due time. `done`: when the step was taken. `open`: the step may still be taken and
// is waiting (an unanswered, unpaused item's answer; an answered item's publication; the reject,
// ask and forward steps until the agency takes the item up). `late`: taken after its due time, or
// (for the answer and the publication, which every item owes) still open after it.
struct StepDue {
  FeedbackStep step;
  std::optional<Instant> due;  // nullopt: the answer's clock is paused
  std::optional<Instant> done;
  bool open = false;
  bool late = false;
};

// Every step's due time at `now`. The answer's due time moves later by the paused working time, in
// whole working days as the legal clock moves a dossier's (clock::shift_due).
tl::expected<std::vector<StepDue>, calendar::OutOfCalendarRange> feedback_deadlines(
    const calendar::WorkingCalendar& cal, const FeedbackTerms& terms, const FeedbackTimes& times,
    Instant now);

// Decision 766 "feedback handled in time": no step late (the reject, ask, answer and publish
// deadlines, and forwarding when the item went out).
bool handled_in_time(const std::vector<StepDue>& steps);

}  // namespace motcua::engagement
