// The Vietnamese lunisolar calendar (âm lịch), computed from astronomy rather than read from a
// table.
//
// Rules, as Vietnam applies them:
//   * A month starts on the local civil day that contains the astronomical new moon.
//   * The 11th month is the one containing the winter solstice (sun's apparent longitude 270°).
//   * When 13 new moons separate the 11th month of one year from the 11th month of the next, the
//     first month in that span without a major solar term (trung khí: longitude a multiple of
//     30°) is a leap month (tháng nhuận) and repeats the number of the month before it.
//   * Tết is day 1 of month 1; the lunar year is numbered by the Gregorian year it starts in.
//
// "Local" means a fixed UTC offset. Vietnam has kept UTC+7 for its calendar since 1968, which is
// why its Tết sometimes falls a day or a month away from China's (UTC+8): 1985-01-21 in Vietnam
// against 1985-02-20 in China. Before 1968 Vietnam's official almanac was computed for UTC+8, so
// dates before 1968 given here for the default offset may differ from the historical almanac;
// pass utc_offset_minutes = 480 to reproduce that reckoning.
//
// Supported lunar years are 1900..2100 inclusive, i.e. solar dates 1900-01-31..2101-01-28.
//
// Accuracy. New moons follow Meeus' mean phase with its periodic and planetary corrections
// (within about 20 s of a modern ephemeris over 1900-2100) and the sun follows Meeus' low-accuracy
// solar theory (major terms within about 15 min); past 2025, delta T (TT - UT) is an
// extrapolation. Where a new moon or major term falls that close to a local midnight, the day
// chosen here could differ from a full ephemeris. Checked month by month against one (VSOP87 and
// ELP based) over 1900-2100, the calendars agree except where the event is within seconds of
// midnight, beyond any ephemeris' certainty: at UTC+7 the leap month of 1938 (8 here, 7 there;
// equinox at 1938-09-24 00:00:01 +07) and the start of month 6 of 1967 (07-07 here, 07-08
// there); both are before 1968, when the official almanac used UTC+8 anyway.
//
// Every function is pure: no I/O, no state, safe to call from any thread. Converting one date
// computes about fifteen new moons, some microseconds.
#pragma once

#include <optional>

#include "domain/calendar/date.hpp"

namespace motcua::calendar {

struct LunarDate {
  int year = 0;       // lunar year (the Gregorian year in which its 1st month starts)
  int month = 0;      // 1..12
  int day = 0;        // 1..30
  bool leap = false;  // true for a leap (intercalary) month "tháng nhuận"
  friend constexpr bool operator==(const LunarDate&, const LunarDate&) = default;
};

inline constexpr int kLunarFirstYear = 1900;  // supported lunar years (inclusive)
inline constexpr int kLunarLastYear = 2100;
inline constexpr int kVietnamUtcOffsetMinutes = 420;  // UTC+7 meridian since 1968

// Offsets accepted by the functions below; outside it they answer "nothing" (nullopt or 0).
inline constexpr int kLunarMinUtcOffsetMinutes = -12 * 60;
inline constexpr int kLunarMaxUtcOffsetMinutes = 14 * 60;

// Solar -> lunar. std::nullopt outside the supported range.
std::optional<LunarDate> to_lunar(Date d, int utc_offset_minutes = kVietnamUtcOffsetMinutes);

// Lunar -> solar. std::nullopt if that lunar date does not exist (e.g. day 30 of a 29-day month,
// a leap month that year does not have) or is out of range.
std::optional<Date> from_lunar(const LunarDate& l,
                               int utc_offset_minutes = kVietnamUtcOffsetMinutes);

// The leap month number of lunar year y (e.g. 2023 -> 2, 2025 -> 6), or 0 if none (or if y is out
// of range).
int leap_month_of(int lunar_year, int utc_offset_minutes = kVietnamUtcOffsetMinutes);

// Length (29 or 30) of the given lunar month, nullopt if it does not exist.
std::optional<int> lunar_month_length(int lunar_year, int month, bool leap,
                                      int utc_offset_minutes = kVietnamUtcOffsetMinutes);

// Astronomical building blocks, exposed so that tests can check them against published values.
namespace astro {

// Julian Ephemeris Day (TT) of the new moon with lunation number k (k = 0: 2000-01-06).
double new_moon_jde(int k);

// Sun's apparent geometric longitude in degrees [0, 360) at the given Julian Ephemeris Day.
double sun_apparent_longitude(double jde);

// TT - UT in seconds for a (fractional) Gregorian year, polynomial fit valid 1860..2150.
double delta_t_seconds(double year);

}  // namespace astro

}  // namespace motcua::calendar
