// Civil dates and instants: the value types every time rule is written in.
//
// A Date is a day of the proleptic Gregorian calendar, counted from 1970-01-01, with no time zone.
// An Instant is a point in time, seconds since the Unix epoch (UTC). Local times are Vietnamese
// office time: a fixed offset (UTC+7 by default) carried by the working calendar, never read from
// the machine, so the same input gives the same answer everywhere.
#pragma once

#include <compare>
#include <cstdint>
#include <string>

namespace motcua {

struct Date {
  std::int32_t days = 0;  // since 1970-01-01
  friend constexpr auto operator<=>(Date, Date) = default;
  constexpr Date operator+(std::int32_t n) const { return Date{days + n}; }
  constexpr Date operator-(std::int32_t n) const { return Date{days - n}; }
  constexpr std::int32_t operator-(Date o) const { return days - o.days; }
};

struct YearMonthDay {
  int year = 1970;
  int month = 1;  // 1..12
  int day = 1;    // 1..31
  friend constexpr bool operator==(const YearMonthDay&, const YearMonthDay&) = default;
};

// Days-from-civil and back (Howard Hinnant's algorithms, valid for any int year).
Date date_from_ymd(int year, int month, int day);
YearMonthDay ymd_of(Date d);
bool is_valid_ymd(int year, int month, int day);
int days_in_month(int year, int month);

enum class Weekday { sunday = 0, monday, tuesday, wednesday, thursday, friday, saturday };
Weekday weekday_of(Date d);

// "2026-03-12"
std::string to_iso(Date d);

struct Instant {
  std::int64_t seconds = 0;  // since 1970-01-01T00:00:00Z
  friend constexpr auto operator<=>(Instant, Instant) = default;
};

// A length of time in seconds (working or elapsed, as the name of the variable says).
using Seconds = std::int64_t;
inline constexpr Seconds kSecondsPerMinute = 60;
inline constexpr Seconds kSecondsPerHour = 3600;
inline constexpr Seconds kSecondsPerDay = 86400;

// Splits an instant into a local date and the seconds since local midnight.
struct LocalDateTime {
  Date date;
  Seconds second_of_day = 0;  // 0..86399
  friend constexpr bool operator==(const LocalDateTime&, const LocalDateTime&) = default;
};
LocalDateTime to_local(Instant t, int utc_offset_minutes);
Instant from_local(Date d, Seconds second_of_day, int utc_offset_minutes);

// "2026-03-12T09:00:00+07:00"
std::string to_iso(Instant t, int utc_offset_minutes);

}  // namespace motcua
