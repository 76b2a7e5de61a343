#include "domain/calendar/date.hpp"

#include <cstdio>

namespace motcua {

namespace {
constexpr std::int64_t floor_div(std::int64_t a, std::int64_t b) {
  return a / b - ((a % b != 0) && ((a < 0) != (b < 0)) ? 1 : 0);
}
}  // namespace

Date date_from_ymd(int year, int month, int day) {
  const int y = year - (month <= 2 ? 1 : 0);
  const int era = (y >= 0 ? y : y - 399) / 400;
  const int yoe = y - era * 400;
  const int mp = (month + 9) % 12;
  const int doy = (153 * mp + 2) / 5 + day - 1;
  const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return Date{era * 146097 + doe - 719468};
}

YearMonthDay ymd_of(Date d) {
  const int z = d.days + 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const int doe = z - era * 146097;
  const int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int mp = (5 * doy + 2) / 153;
  const int day = doy - (153 * mp + 2) / 5 + 1;
  const int month = mp < 10 ? mp + 3 : mp - 9;
  const int year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return {year, month, day};
}

int days_in_month(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month == 2) {
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return leap ? 29 : 28;
  }
  return kDays[month - 1];
}

bool is_valid_ymd(int year, int month, int day) {
  return month >= 1 && month <= 12 && day >= 1 && day <= days_in_month(year, month);
}

Weekday weekday_of(Date d) {
  // 1970-01-01 was a Thursday.
  return static_cast<Weekday>(((d.days + 4) % 7 + 7) % 7);
}

std::string to_iso(Date d) {
  const auto ymd = ymd_of(d);
  char buf[48];  // room for any int year, so g++ sees no truncation
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", ymd.year, ymd.month, ymd.day);
  return buf;
}

LocalDateTime to_local(Instant t, int utc_offset_minutes) {
  const std::int64_t local = t.seconds + static_cast<std::int64_t>(utc_offset_minutes) * 60;
  const std::int64_t day = floor_div(local, kSecondsPerDay);
  return {Date{static_cast<std::int32_t>(day)}, local - day * kSecondsPerDay};
}

Instant from_local(Date d, Seconds second_of_day, int utc_offset_minutes) {
  return Instant{static_cast<std::int64_t>(d.days) * kSecondsPerDay + second_of_day -
                 static_cast<std::int64_t>(utc_offset_minutes) * 60};
}

std::string to_iso(Instant t, int utc_offset_minutes) {
  const auto local = to_local(t, utc_offset_minutes);
  const auto ymd = ymd_of(local.date);
  const int off = utc_offset_minutes < 0 ? -utc_offset_minutes : utc_offset_minutes;
  char buf[96];  // room for any int fields, so g++ sees no truncation
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d%c%02d:%02d", ymd.year, ymd.month,
                ymd.day, static_cast<int>(local.second_of_day / 3600),
                static_cast<int>(local.second_of_day / 60 % 60),
                static_cast<int>(local.second_of_day % 60), utc_offset_minutes < 0 ? '-' : '+',
                off / 60, off % 60);
  return buf;
}

}  // namespace motcua
