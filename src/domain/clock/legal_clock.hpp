// The legal clock of one dossier: replays its timeline (receipt, pauses, extension, steps, finish)
// against a working calendar and says when it is due under the law and under Decision 766, whether
// it finished on time, which rules it broke, and who used the time.
//
// Two due dates are kept because the rules disagree (docs/rules.md, "Supplement requests"):
//  due:      the legal due date. A supplement requested during review restarts the full limit when
//            the applicant completes the dossier (Decree 61 Art. 19(4)); an apology slip moves it.
//  due_766:  the date Decision 766 statistics use. Waiting time is added instead of restarting, and
//            an apology slip does not move it, so a late dossier stays late in public figures.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "domain/clock/deadline.hpp"

namespace motcua::clock {

enum class Channel { counter, online, post };
std::string_view to_string(Channel c);
std::optional<Channel> parse_channel(std::string_view text);

enum class ClockEventType {
  received,              // an official accepted the dossier (the receipt instant)
  transferred,           // the one-stop unit handed the paper dossier to the processing agency
  supplement_requested,  // during review: the clock stops
  supplement_completed,  // the applicant completed the dossier
  payment_requested,     // financial obligation: the clock stops
  payment_completed,
  apology,       // apology slip (phiếu xin lỗi) with a new due date
  step_started,  // a step of the internal process starts
  finished,      // result ready (or refusal after review, or stop)
};
std::string_view to_string(ClockEventType t);
std::optional<ClockEventType> parse_clock_event_type(std::string_view text);

struct ClockEvent {
  Instant at;
  ClockEventType type = ClockEventType::received;
  std::optional<Instant> new_due;   // apology
  std::string step;                 // step_started
  std::string party;                // step_started: who is responsible for the step
  std::optional<TimeLimit> budget;  // step_started
};

struct ClockInput {
  TimeLimit limit;
  DeadlineRule rule = DeadlineRule::standard;
  Channel channel = Channel::counter;
  std::vector<ClockEvent> events;  // in time order
};

enum class ClockFlag {
  transfer_late,            // a paper dossier reached the processing agency after its deadline
  supplement_request_late,  // first supplement request after the 3rd working day
  second_supplement,        // more than one supplement request: late for Decision 766
  apology_late,             // apology issued later than the working day before the due day
  extension_rejected,       // a second apology: the due date may be moved only once
};
std::string_view to_string(ClockFlag f);

enum class StepResult { early, on_time, late };
std::string_view to_string(StepResult r);

struct StepReport {
  std::string name;
  std::string party;
  Instant started;
  std::optional<Instant> ended;
  std::optional<Instant> due;  // standard rule from its start, moved by pauses within the step
  Seconds used = 0;            // working time, pauses excluded
  std::optional<StepResult> result;
};

enum class PauseReason { supplement, payment };
std::string_view to_string(PauseReason r);

struct ActivePause {
  PauseReason reason = PauseReason::supplement;
  Instant since;
};

struct ClockReport {
  Instant received;
  Instant counting_starts;
  std::optional<Instant> due;      // null while a pause makes it unknown
  std::optional<Instant> due_766;  // null while a pause makes it unknown
  Instant original_due;
  bool day_end = false;  // on time means on or before the due's day
  std::optional<Instant> transfer_due;
  std::optional<Instant> transferred;
  std::optional<ActivePause> paused;
  int supplement_requests = 0;
  std::optional<Instant> extended_to;
  std::optional<Instant> finished;
  std::optional<bool> on_time;
  std::optional<bool> on_time_766;
  bool provisional = false;  // a day from counting start to due lies in a provisional year
  std::vector<ClockFlag> flags;
  std::vector<StepReport> steps;
  std::map<std::string, Seconds> used_by_party;  // working time; pauses go to "applicant"
};

struct ClockError {
  std::string message;
  std::size_t event_index = 0;
};

tl::expected<ClockReport, ClockError> replay(const WorkingCalendar& cal, const ClockInput& input);

// A calendar change (a new announcement replacing a provisional year, say) recomputes the clock.
struct Recomputation {
  ClockReport before;
  ClockReport after;
  bool due_changed = false;
};
tl::expected<Recomputation, ClockError> recompute(const WorkingCalendar& before,
                                                  const WorkingCalendar& after,
                                                  const ClockInput& input);

}  // namespace motcua::clock
