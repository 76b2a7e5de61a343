#include "domain/calendar/date.hpp"

#include <gtest/gtest.h>

namespace motcua {
namespace {

TEST(Date, RoundTripsEveryDayFrom1899To2101) {
  for (Date d = date_from_ymd(1899, 1, 1); d <= date_from_ymd(2101, 12, 31); d = d + 1) {
    const auto ymd = ymd_of(d);
    ASSERT_TRUE(is_valid_ymd(ymd.year, ymd.month, ymd.day));
    ASSERT_EQ(date_from_ymd(ymd.year, ymd.month, ymd.day), d);
  }
}

TEST(Date, KnownWeekdays) {
  EXPECT_EQ(date_from_ymd(1970, 1, 1).days, 0);
  EXPECT_EQ(weekday_of(date_from_ymd(1970, 1, 1)), Weekday::thursday);
  EXPECT_EQ(weekday_of(date_from_ymd(2026, 3, 6)), Weekday::friday);
  EXPECT_EQ(weekday_of(date_from_ymd(2026, 2, 17)), Weekday::tuesday);
  EXPECT_EQ(weekday_of(date_from_ymd(1900, 1, 1)), Weekday::monday);
}

TEST(Date, LocalTimeUsesTheOffsetNotTheMachine) {
  // 2026-03-06T17:30+07:00 is 10:30 UTC.
  const Instant t = from_local(date_from_ymd(2026, 3, 6), 17 * 3600 + 1800, 420);
  EXPECT_EQ(to_iso(t, 420), "2026-03-06T17:30:00+07:00");
  EXPECT_EQ(to_iso(t, 0), "2026-03-06T10:30:00+00:00");
  const auto local = to_local(Instant{t.seconds + 7 * 3600}, 420);
  EXPECT_EQ(to_iso(local.date), "2026-03-07");
  EXPECT_EQ(local.second_of_day, 30 * 60);
}

TEST(Date, BeforeTheEpoch) {
  const Instant t = from_local(date_from_ymd(1960, 12, 31), 23 * 3600, 420);
  EXPECT_EQ(to_iso(t, 420), "1960-12-31T23:00:00+07:00");
}

}  // namespace
}  // namespace motcua
