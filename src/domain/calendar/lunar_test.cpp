#include "domain/calendar/lunar.hpp"

#include <gtest/gtest.h>

#include <climits>

namespace motcua::calendar {
namespace {

constexpr int kChinaUtcOffsetMinutes = 480;

Date ymd(int y, int m, int d) { return date_from_ymd(y, m, d); }

std::string iso_of(const std::optional<Date>& d) { return d ? to_iso(*d) : "nullopt"; }

std::optional<Date> tet(int lunar_year, int offset = kVietnamUtcOffsetMinutes) {
  return from_lunar({lunar_year, 1, 1, false}, offset);
}

// --- The astronomy, against the worked examples of Meeus' "Astronomical Algorithms". ---

TEST(LunarAstro, NewMoonOfFebruary1977) {
  // Example 49.a: k = -283, JDE 2443192.65118 (1977-02-18 03:37:42 TD).
  EXPECT_NEAR(astro::new_moon_jde(-283), 2443192.65118, 1e-5);
}

TEST(LunarAstro, SunLongitudeOfOctober1992) {
  // Example 25.a: 1992-10-13.0 TD, apparent longitude 199.90895 degrees (low accuracy).
  EXPECT_NEAR(astro::sun_apparent_longitude(2448908.5), 199.90895, 1e-4);
}

TEST(LunarAstro, DeltaTIsPlausible) {
  EXPECT_NEAR(astro::delta_t_seconds(1900.0), -2.8, 0.1);
  EXPECT_NEAR(astro::delta_t_seconds(2000.0), 63.9, 0.1);
  EXPECT_GT(astro::delta_t_seconds(2100.0), 150.0);  // an extrapolation, but a growing one
}

// --- Known Vietnamese dates. ---

TEST(Lunar, TetDates) {
  EXPECT_EQ(iso_of(tet(2020)), "2020-01-25");
  EXPECT_EQ(iso_of(tet(2021)), "2021-02-12");
  EXPECT_EQ(iso_of(tet(2022)), "2022-02-01");
  EXPECT_EQ(iso_of(tet(2023)), "2023-01-22");
  EXPECT_EQ(iso_of(tet(2024)), "2024-02-10");
  EXPECT_EQ(iso_of(tet(2025)), "2025-01-29");
  EXPECT_EQ(iso_of(tet(2026)), "2026-02-17");
  EXPECT_EQ(iso_of(tet(2030)), "2030-02-02");
}

TEST(Lunar, MotcuaLunarCommandExample) {
  EXPECT_EQ(to_lunar(ymd(2026, 2, 17)), (LunarDate{2026, 1, 1, false}));
  EXPECT_EQ(to_lunar(ymd(2026, 2, 16)), (LunarDate{2025, 12, 29, false}));
}

TEST(Lunar, VietnamAndChinaDifferBecauseOfTheMeridian) {
  // A new moon shortly before local midnight in Vietnam falls after midnight in China.
  EXPECT_EQ(iso_of(tet(2030, kChinaUtcOffsetMinutes)), "2030-02-03");
  EXPECT_EQ(iso_of(tet(2007)), "2007-02-17");
  EXPECT_EQ(iso_of(tet(2007, kChinaUtcOffsetMinutes)), "2007-02-18");
  // 1968: North Vietnam's first Tết on UTC+7, a day before the South's (still on UTC+8).
  EXPECT_EQ(iso_of(tet(1968)), "1968-01-29");
  EXPECT_EQ(iso_of(tet(1968, kChinaUtcOffsetMinutes)), "1968-01-30");
  // 1985: a whole month apart, because the 11th month of 1984 starts on different lunations.
  EXPECT_EQ(iso_of(tet(1985)), "1985-01-21");
  EXPECT_EQ(iso_of(tet(1985, kChinaUtcOffsetMinutes)), "1985-02-20");
  EXPECT_EQ(leap_month_of(1984, kChinaUtcOffsetMinutes), 10);
  EXPECT_EQ(leap_month_of(1984), 0);
  EXPECT_EQ(leap_month_of(1985), 2);
}

TEST(Lunar, LeapMonths) {
  EXPECT_EQ(leap_month_of(2020), 4);
  EXPECT_EQ(leap_month_of(2023), 2);
  EXPECT_EQ(leap_month_of(2025), 6);
  EXPECT_EQ(leap_month_of(2028), 5);
  for (int y : {2021, 2022, 2024, 2026, 2027, 2029, 2030, 2032, 2034}) {
    EXPECT_EQ(leap_month_of(y), 0) << y;
  }
}

TEST(Lunar, LeapMonthStartsTheDayAfterTheNormalMonthOfTheSameNumber) {
  EXPECT_EQ(iso_of(from_lunar({2020, 4, 1, true})), "2020-05-23");
  EXPECT_EQ(iso_of(from_lunar({2020, 4, 30, false})), "2020-05-22");
  EXPECT_EQ(iso_of(from_lunar({2023, 2, 1, true})), "2023-03-22");
  EXPECT_EQ(iso_of(from_lunar({2025, 6, 1, true})), "2025-07-25");
  EXPECT_EQ(iso_of(from_lunar({2028, 5, 1, true})), "2028-06-23");
  EXPECT_EQ(to_lunar(ymd(2025, 7, 24)), (LunarDate{2025, 6, 30, false}));
  EXPECT_EQ(to_lunar(ymd(2025, 7, 25)), (LunarDate{2025, 6, 1, true}));
  EXPECT_EQ(to_lunar(ymd(2025, 8, 23)), (LunarDate{2025, 7, 1, false}));
}

TEST(Lunar, The2033Problem) {
  // The 11th month (from 2033-11-22) holds two major terms, the 240° one and the solstice;
  // the month after it holds none and is the first such in a 13-month suì: leap month 11,
  // both in UTC+7 (Vietnam) and UTC+8 (China's official resolution).
  EXPECT_EQ(leap_month_of(2033), 11);
  EXPECT_EQ(leap_month_of(2033, kChinaUtcOffsetMinutes), 11);
  EXPECT_EQ(leap_month_of(2034), 0);
  EXPECT_EQ(iso_of(from_lunar({2033, 11, 1, false})), "2033-11-22");
  EXPECT_EQ(iso_of(from_lunar({2033, 11, 1, true})), "2033-12-22");
  EXPECT_EQ(iso_of(from_lunar({2033, 12, 1, false})), "2034-01-20");
  EXPECT_EQ(iso_of(tet(2034)), "2034-02-19");
  EXPECT_EQ(to_lunar(ymd(2033, 12, 21)), (LunarDate{2033, 11, 30, false}));
}

TEST(Lunar, HungKingsDay) {
  EXPECT_EQ(iso_of(from_lunar({2024, 3, 10, false})), "2024-04-18");
  EXPECT_EQ(iso_of(from_lunar({2025, 3, 10, false})), "2025-04-07");
  EXPECT_EQ(iso_of(from_lunar({2026, 3, 10, false})), "2026-04-26");
  EXPECT_EQ(to_lunar(ymd(2026, 4, 26)), (LunarDate{2026, 3, 10, false}));
}

TEST(Lunar, MonthLengths) {
  EXPECT_EQ(lunar_month_length(2020, 4, false), 30);
  EXPECT_EQ(lunar_month_length(2020, 4, true), 29);
  EXPECT_EQ(lunar_month_length(2025, 12, false), 29);
  EXPECT_EQ(lunar_month_length(2033, 11, true), 29);
  EXPECT_EQ(lunar_month_length(2021, 4, true), std::nullopt);
}

// --- What does not exist. ---

TEST(Lunar, NonexistentLunarDates) {
  EXPECT_EQ(from_lunar({2025, 12, 30, false}), std::nullopt);  // month 12 of 2025 has 29 days
  EXPECT_EQ(from_lunar({2024, 4, 1, true}), std::nullopt);     // 2024 has no leap month
  EXPECT_EQ(from_lunar({2025, 5, 1, true}), std::nullopt);     // 2025's leap month is 6
  EXPECT_EQ(from_lunar({2025, 0, 1, false}), std::nullopt);
  EXPECT_EQ(from_lunar({2025, 13, 1, false}), std::nullopt);
  EXPECT_EQ(from_lunar({2025, 1, 0, false}), std::nullopt);
  EXPECT_EQ(from_lunar({2025, 1, 31, false}), std::nullopt);
  EXPECT_EQ(lunar_month_length(2025, 0, false), std::nullopt);
}

TEST(Lunar, OutOfRange) {
  EXPECT_EQ(iso_of(tet(kLunarFirstYear)), "1900-01-31");
  EXPECT_EQ(to_lunar(ymd(1900, 1, 31)), (LunarDate{1900, 1, 1, false}));
  EXPECT_EQ(to_lunar(ymd(1900, 1, 30)), std::nullopt);  // still lunar 1899
  EXPECT_EQ(to_lunar(ymd(2101, 1, 28)), (LunarDate{2100, 12, 29, false}));
  EXPECT_EQ(to_lunar(ymd(2101, 1, 29)), std::nullopt);  // Tết 2101
  EXPECT_EQ(to_lunar(Date{INT_MAX}), std::nullopt);
  EXPECT_EQ(to_lunar(Date{INT_MIN}), std::nullopt);
  EXPECT_EQ(tet(kLunarFirstYear - 1), std::nullopt);
  EXPECT_EQ(tet(kLunarLastYear + 1), std::nullopt);
  EXPECT_EQ(leap_month_of(kLunarLastYear + 1), 0);
  EXPECT_EQ(lunar_month_length(kLunarFirstYear - 1, 1, false), std::nullopt);
}

TEST(Lunar, UnsupportedOffsets) {
  EXPECT_EQ(to_lunar(ymd(2026, 2, 17), kLunarMaxUtcOffsetMinutes + 1), std::nullopt);
  EXPECT_EQ(to_lunar(ymd(2026, 2, 17), kLunarMinUtcOffsetMinutes - 1), std::nullopt);
  EXPECT_EQ(from_lunar({2026, 1, 1, false}, INT_MAX), std::nullopt);
  EXPECT_EQ(leap_month_of(2025, INT_MIN), 0);
  EXPECT_TRUE(to_lunar(ymd(2026, 2, 17), 0).has_value());
}

// --- Invariants over the whole supported range, month by month. ---

TEST(Lunar, EveryYearIsConsistentFrom1900To2100) {
  std::optional<Date> expected_start = tet(kLunarFirstYear);
  ASSERT_TRUE(expected_start);
  for (int year = kLunarFirstYear; year <= kLunarLastYear; ++year) {
    const auto new_year = tet(year);
    ASSERT_EQ(new_year, expected_start) << year;
    // Tết always falls between January 21 and February 20.
    ASSERT_GE(*new_year, ymd(year, 1, 21)) << year;
    ASSERT_LE(*new_year, ymd(year, 2, 20)) << year;
    const int leap = leap_month_of(year);
    ASSERT_GE(leap, 0);
    ASSERT_LE(leap, 12);
    for (int month = 1; month <= 12; ++month) {
      for (bool is_leap : {false, true}) {
        if (is_leap && month != leap) continue;
        const auto length = lunar_month_length(year, month, is_leap);
        ASSERT_TRUE(length) << year << "/" << month << (is_leap ? " leap" : "");
        ASSERT_TRUE(*length == 29 || *length == 30) << year << "/" << month;
        const auto first = from_lunar({year, month, 1, is_leap});
        ASSERT_EQ(first, expected_start) << year << "/" << month;
        const LunarDate last_day{year, month, *length, is_leap};
        const auto last = from_lunar(last_day);
        ASSERT_TRUE(last);
        ASSERT_EQ(to_lunar(*last), last_day);
        ASSERT_EQ(from_lunar({year, month, *length + 1, is_leap}), std::nullopt);
        expected_start = *last + 1;
      }
    }
  }
}

TEST(Lunar, EveryDayRoundTripsFrom2020To2035) {
  std::optional<LunarDate> previous;
  for (Date d = ymd(2020, 1, 1); d <= ymd(2035, 12, 31); d = d + 1) {
    const auto l = to_lunar(d);
    ASSERT_TRUE(l) << to_iso(d);
    ASSERT_EQ(from_lunar(*l), d) << to_iso(d);
    // Days count up by one within a month and restart at 1.
    if (previous) {
      ASSERT_TRUE(l->day == previous->day + 1 || l->day == 1) << to_iso(d);
    }
    previous = l;
  }
}

TEST(Lunar, OtherOffsetsStayConsistent) {
  // The rules do not depend on the meridian: UTC+8 and UTC+0 calendars must hold together too.
  for (int offset : {kChinaUtcOffsetMinutes, 0}) {
    for (int year = 2000; year <= 2040; ++year) {
      const auto start = tet(year, offset);
      ASSERT_TRUE(start) << year;
      EXPECT_EQ(to_lunar(*start, offset), (LunarDate{year, 1, 1, false})) << year;
      EXPECT_EQ(to_lunar(*start - 1, offset)->year, year - 1) << year;
    }
  }
}

}  // namespace
}  // namespace motcua::calendar
