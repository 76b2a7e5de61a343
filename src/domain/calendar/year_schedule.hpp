// The days off and extra working days of one year, as announced (or derived from the Labour Code).
//
// A year's schedule lists only exceptions to the weekly pattern: weekdays that are off and weekend
// days that are worked. Normal Saturdays and Sundays are not listed. The schedule is data (one JSON
// file per year under data/calendars/vn/), turned into this value by the codec layer.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/calendar/date.hpp"

namespace motcua::calendar {

enum class DayKind {
  holiday,          // ngày lễ, Tết (Labour Code Art. 112)
  compensatory,     // nghỉ bù: a holiday fell on the weekly rest day (Art. 111(3))
  swap_off,         // hoán đổi: a working day given off, paid back by a make-up Saturday
  makeup_workday,   // làm bù: a weekend day that becomes a working day
  pending_holiday,  // announced in policy, not yet law: a working day unless enabled
};

std::string_view to_string(DayKind kind);
std::optional<DayKind> parse_day_kind(std::string_view text);

struct ScheduledDay {
  Date date;
  DayKind kind = DayKind::holiday;
  std::string name;     // Vietnamese
  std::string name_en;  // English
  std::string source;   // where the day was announced, or the rule it was derived from
};

struct YearSchedule {
  int year = 0;
  bool provisional = false;  // derived from the Labour Code, not announced
  std::vector<ScheduledDay> days;
};

}  // namespace motcua::calendar
