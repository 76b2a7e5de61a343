// Due dates (hạn giải quyết) from a receipt instant and a time limit, and the small operations the
// legal clock composes: moving a due date by paused time and judging a finish on time.
#pragma once

#include "domain/calendar/working_calendar.hpp"
#include "domain/clock/time_limit.hpp"

namespace motcua::clock {

using calendar::OutOfCalendarRange;
using calendar::WorkingCalendar;

// Decree 61 Art. 18(2): a counter dossier received after 15:00 reaches the processing agency at the
// start of the next working day; a same-day procedure (a limit of 0 working days) received after
// that hour is likewise due the next working day.
inline constexpr Seconds kSameDayCutoff = 15 * kSecondsPerHour;

// The day a dossier received at `received` is handled "the same day": that day when it is a working
// day and the receipt is at or before 15:00, else the next working day.
tl::expected<Date, OutOfCalendarRange> same_day_date(const WorkingCalendar& cal, Instant received);

struct Deadline {
  Instant counting_starts;  // the first working instant at or after the receipt
  Instant due;
};

// `received` is when an official accepted the dossier. Counting starts at the next working instant.
tl::expected<Deadline, OutOfCalendarRange> compute_deadline(const WorkingCalendar& cal,
                                                            Instant received,
                                                            const TimeLimit& limit,
                                                            DeadlineRule rule);

// The due instant for a limit counted from `start`, which must already be a working instant.
tl::expected<Instant, OutOfCalendarRange> due_from(const WorkingCalendar& cal, Instant start,
                                                   const TimeLimit& limit, DeadlineRule rule);

// Moves a due date later by `paused` working time: by that many working seconds, or, for periods
// that end at day end, by that many working days rounded up (480 min = 1 day, 481 = 2), staying at
// office close.
tl::expected<Instant, OutOfCalendarRange> shift_due(const WorkingCalendar& cal, Instant due,
                                                    Seconds paused, bool day_end);

// On time means finished at or before `due`, or, for periods that end at day end, on or before the
// due's day.
bool finished_on_time(const WorkingCalendar& cal, Instant finished, Instant due, bool day_end);

}  // namespace motcua::clock
