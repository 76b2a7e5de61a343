#include "domain/clock/apology_bound.hpp"

#include <gtest/gtest.h>

namespace motcua::clock {
namespace {

using calendar::OfficeHours;

Instant at(int y, int m, int d, int hh, int mm = 0) {
  return from_local(date_from_ymd(y, m, d), hh * 3600 + mm * 60, 420);
}

const WorkingCalendar& plain_calendar() {
  static const WorkingCalendar cal = *WorkingCalendar::build({}, OfficeHours::standard());
  return cal;
}

TEST(ApologyBound, LatestIsTheLimitCountedAgainFromTheCurrentDue) {
  const auto& cal = plain_calendar();
  // Due Friday 2026-03-06 at office close; five working days more end at office close of the
  // next Friday, as a receipt at that instant would.
  const Instant due = at(2026, 3, 6, 17);
  const auto limit = *parse_time_limit("5 working-days");
  const auto latest = latest_apology_due(cal, due, limit, DeadlineRule::standard);
  ASSERT_TRUE(latest.has_value());
  EXPECT_EQ(*latest, compute_deadline(cal, due, limit, DeadlineRule::standard)->due);
  EXPECT_EQ(cal.local(*latest).date, date_from_ymd(2026, 3, 13));
  const auto civil = latest_apology_due(cal, due, limit, DeadlineRule::civil_code);
  ASSERT_TRUE(civil.has_value());
  // Civil Code Art. 147: counting starts Monday 09/03 and the period is the five working days
  // after that day, so it ends at office close of Monday 16/03.
  EXPECT_EQ(cal.local(*civil).date, date_from_ymd(2026, 3, 16));
}

TEST(ApologyBound, ExactlyAtTheBoundIsAllowedAndOneSecondMoreIsNot) {
  const Instant due = at(2026, 3, 6, 17);
  const Instant latest = at(2026, 3, 13, 17);
  EXPECT_EQ(check_apology_due(latest, due, latest), ApologyDue::ok);
  EXPECT_EQ(check_apology_due(Instant{latest.seconds + 1}, due, latest), ApologyDue::beyond_limit);
  EXPECT_EQ(check_apology_due(Instant{due.seconds + 1}, due, latest), ApologyDue::ok);
  EXPECT_EQ(check_apology_due(at(2026, 3, 10, 9), due, latest), ApologyDue::ok);
}

TEST(ApologyBound, NotLaterThanTheCurrentDueIsNoExtension) {
  const Instant due = at(2026, 3, 6, 17);
  const Instant latest = at(2026, 3, 13, 17);
  EXPECT_EQ(check_apology_due(due, due, latest), ApologyDue::not_later);
  EXPECT_EQ(check_apology_due(at(2026, 3, 5, 9), due, latest), ApologyDue::not_later);
}

TEST(ApologyBound, FarFutureDatesAreBeyondTheLimit) {
  const auto& cal = plain_calendar();
  const Instant due = at(2026, 3, 6, 17);
  const auto latest =
      latest_apology_due(cal, due, *parse_time_limit("10 days"), DeadlineRule::standard);
  ASSERT_TRUE(latest.has_value());
  EXPECT_EQ(check_apology_due(at(2099, 12, 31, 17), due, *latest), ApologyDue::beyond_limit);
}

}  // namespace
}  // namespace motcua::clock
