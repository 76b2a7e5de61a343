#include "domain/calendar/office_hours.hpp"

#include <algorithm>

namespace motcua::calendar {

OfficeHours OfficeHours::standard() {
  OfficeHours h;
  h.periods = {{8 * kSecondsPerHour, 12 * kSecondsPerHour},
               {13 * kSecondsPerHour, 17 * kSecondsPerHour}};
  h.weekly_rest[static_cast<int>(Weekday::saturday)] = true;
  h.weekly_rest[static_cast<int>(Weekday::sunday)] = true;
  return h;
}

Seconds OfficeHours::working_seconds_per_day() const {
  Seconds total = 0;
  for (const auto& p : periods) total += p.end - p.start;
  return total;
}

Seconds OfficeHours::worked_before(Seconds s) const {
  Seconds worked = 0;
  for (const auto& p : periods) {
    if (s <= p.start) break;
    worked += std::min(s, p.end) - p.start;
  }
  return worked;
}

Seconds OfficeHours::instant_after_worked(Seconds worked) const {
  for (const auto& p : periods) {
    const Seconds length = p.end - p.start;
    if (worked <= length) return p.start + worked;
    worked -= length;
  }
  return periods.back().end;
}

tl::expected<void, std::string> validate(const OfficeHours& hours) {
  if (hours.periods.empty()) return tl::unexpected(std::string("no working periods"));
  Seconds previous_end = 0;
  for (const auto& p : hours.periods) {
    if (p.start < previous_end || p.end <= p.start || p.end > kSecondsPerDay) {
      return tl::unexpected(
          std::string("working periods must be ordered, non-empty and within a day"));
    }
    previous_end = p.end;
  }
  if (std::all_of(hours.weekly_rest.begin(), hours.weekly_rest.end(), [](bool b) { return b; })) {
    return tl::unexpected(std::string("every day of the week is a rest day"));
  }
  if (hours.utc_offset_minutes < -14 * 60 || hours.utc_offset_minutes > 14 * 60) {
    return tl::unexpected(std::string("UTC offset out of range"));
  }
  return {};
}

}  // namespace motcua::calendar
