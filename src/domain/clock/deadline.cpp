#include "domain/clock/deadline.hpp"

namespace motcua::clock {

tl::expected<Instant, OutOfCalendarRange> due_from(const WorkingCalendar& cal, Instant start,
                                                   const TimeLimit& limit, DeadlineRule rule) {
  const auto n = static_cast<std::int32_t>(limit.amount);
  switch (limit.unit) {
    case LimitUnit::working_days:
      if (rule == DeadlineRule::standard) {
        return cal.add_working_time(start, limit.amount * cal.working_seconds_per_day());
      }
      return cal.nth_working_day_after(cal.local(start).date, n).map([&](Date d) {
        return cal.office_close(d);
      });
    case LimitUnit::calendar_days:
      // Civil Code Art. 147-148: N days after the day counting starts; a last day that is not a
      // working day moves to the next working day.
      return cal.working_day_at_or_after(cal.local(start).date + n).map([&](Date d) {
        return cal.office_close(d);
      });
    case LimitUnit::working_hours:
      return cal.add_working_time(start, limit.amount * kSecondsPerHour);
  }
  return tl::unexpected(OutOfCalendarRange{"unknown limit unit"});
}

tl::expected<Date, OutOfCalendarRange> same_day_date(const WorkingCalendar& cal, Instant received) {
  const auto local = cal.local(received);
  if (cal.is_working_day(local.date) && local.second_of_day <= kSameDayCutoff) return local.date;
  return cal.nth_working_day_after(local.date, 1);
}

tl::expected<Deadline, OutOfCalendarRange> compute_deadline(const WorkingCalendar& cal,
                                                            Instant received,
                                                            const TimeLimit& limit,
                                                            DeadlineRule rule) {
  if (limit.unit == LimitUnit::working_days && limit.amount == 0) {
    // A same-day procedure is due at office close of its same day under either rule: counting the
    // zero days from the receipt instant would make it due the moment it is received.
    return cal.next_working_instant(received).and_then([&](Instant start) {
      return same_day_date(cal, received).map([&](Date d) {
        return Deadline{start, cal.office_close(d)};
      });
    });
  }
  return cal.next_working_instant(received).and_then([&](Instant start) {
    return due_from(cal, start, limit, rule).map([&](Instant due) { return Deadline{start, due}; });
  });
}

tl::expected<Instant, OutOfCalendarRange> shift_due(const WorkingCalendar& cal, Instant due,
                                                    Seconds paused, bool day_end) {
  if (paused <= 0) return due;
  if (!day_end) return cal.add_working_time(due, paused);
  const Seconds per_day = cal.working_seconds_per_day();
  const auto days = static_cast<std::int32_t>((paused + per_day - 1) / per_day);
  return cal.nth_working_day_after(cal.local(due).date, days).map([&](Date d) {
    return cal.office_close(d);
  });
}

bool finished_on_time(const WorkingCalendar& cal, Instant finished, Instant due, bool day_end) {
  if (day_end) return cal.local(finished).date <= cal.local(due).date;
  return finished <= due;
}

}  // namespace motcua::clock
