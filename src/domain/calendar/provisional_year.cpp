#include "domain/calendar/provisional_year.hpp"

#include <algorithm>
#include <set>

#include "domain/calendar/lunar.hpp"

namespace motcua::calendar {

namespace {

constexpr const char* kHolidaySource = "Provisional: Labour Code 2019 (45/2019/QH14) Art. 112";
constexpr const char* kCompensatorySource =
    "Provisional: Labour Code 2019 (45/2019/QH14) Art. 111(3), holiday on the weekly rest day";

ScheduledDay holiday(Date date, const char* name, const char* name_en) {
  return {date, DayKind::holiday, name, name_en, kHolidaySource};
}

std::vector<ScheduledDay> statutory_holidays(int year) {
  std::vector<ScheduledDay> days;
  days.push_back(holiday(date_from_ymd(year, 1, 1), "Tết Dương lịch", "New Year's Day"));
  if (const auto tet = from_lunar({year, 1, 1, false})) {
    // Tết: the last day of the 12th lunar month and the 1st to 4th days of the 1st month.
    for (int offset = -1; offset <= 3; ++offset) {
      days.push_back(holiday(*tet + offset, "Tết Nguyên đán", "Lunar New Year (Tết)"));
    }
  }
  if (const auto hung = from_lunar({year, 3, 10, false})) {
    days.push_back(holiday(*hung, "Giỗ Tổ Hùng Vương", "Hùng Kings' Commemoration Day"));
  }
  days.push_back(holiday(date_from_ymd(year, 4, 30),
                         "Ngày Giải phóng miền Nam, thống nhất đất nước", "Reunification Day"));
  days.push_back(
      holiday(date_from_ymd(year, 5, 1), "Ngày Quốc tế Lao động", "International Workers' Day"));
  days.push_back(holiday(date_from_ymd(year, 9, 2), "Quốc khánh", "National Day"));
  days.push_back(holiday(date_from_ymd(year, 9, 3), "Quốc khánh", "National Day"));
  std::sort(days.begin(), days.end(),
            [](const ScheduledDay& a, const ScheduledDay& b) { return a.date < b.date; });
  return days;
}

}  // namespace

YearSchedule provisional_schedule(int year, const std::array<bool, 7>& weekly_rest) {
  YearSchedule schedule{year, true, statutory_holidays(year)};
  const auto is_rest = [&](Date d) { return weekly_rest[static_cast<int>(weekday_of(d))]; };
  std::set<Date> off;
  for (const auto& day : schedule.days) off.insert(day.date);

  // Taken in date order, so that a second holiday on the same weekend gets the day after the
  // first's.
  std::vector<ScheduledDay> compensatory;
  for (const auto& day : schedule.days) {
    if (!is_rest(day.date)) continue;
    Date candidate = day.date + 1;
    while (is_rest(candidate) || off.count(candidate) != 0) candidate = candidate + 1;
    off.insert(candidate);
    compensatory.push_back({candidate, DayKind::compensatory, "Nghỉ bù " + day.name,
                            "Compensatory day off for " + day.name_en, kCompensatorySource});
  }
  schedule.days.insert(schedule.days.end(), compensatory.begin(), compensatory.end());
  std::sort(schedule.days.begin(), schedule.days.end(),
            [](const ScheduledDay& a, const ScheduledDay& b) { return a.date < b.date; });
  return schedule;
}

}  // namespace motcua::calendar
