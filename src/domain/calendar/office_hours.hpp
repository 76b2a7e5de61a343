// Office hours of a unit (giờ làm việc): the working periods of a working day, the weekly rest days
// and the unit's UTC offset. Local rules set them (rules.md section 10, [M]), so they are data.
//
// Every working day, make-up Saturdays included, has the same periods; "working minutes per day" is
// their total (480 by default). Periods are half-open: 17:00 itself is not a working instant.
#pragma once

#include <array>
#include <string>
#include <vector>

#include "domain/calendar/date.hpp"
#include "tl/expected.hpp"

namespace motcua::calendar {

struct WorkingPeriod {
  Seconds start = 0;  // seconds after local midnight, inclusive
  Seconds end = 0;    // exclusive
};

struct OfficeHours {
  std::vector<WorkingPeriod> periods;
  std::array<bool, 7> weekly_rest{};  // indexed by Weekday (0 = Sunday)
  int utc_offset_minutes = 420;       // Asia/Ho_Chi_Minh: UTC+7, no daylight saving

  // Monday-Friday 08:00-12:00 and 13:00-17:00, UTC+7.
  static OfficeHours standard();

  Seconds working_seconds_per_day() const;
  Seconds opening() const { return periods.front().start; }
  Seconds closing() const { return periods.back().end; }
  // Working time on a working day before local second-of-day `s`.
  Seconds worked_before(Seconds s) const;
  // The earliest second-of-day at which `worked` seconds of the day have elapsed (0 < worked <=
  // total).
  Seconds instant_after_worked(Seconds worked) const;
};

// Checks that periods are non-empty, ordered, non-overlapping and within one day.
tl::expected<void, std::string> validate(const OfficeHours& hours);

}  // namespace motcua::calendar
