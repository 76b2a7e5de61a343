#include "domain/calendar/working_calendar.hpp"

#include <gtest/gtest.h>

#include <random>

namespace motcua::calendar {
namespace {

Instant at(int y, int m, int d, int hh, int mm = 0) {
  return from_local(date_from_ymd(y, m, d), hh * 3600 + mm * 60, 420);
}

// A calendar with no announced years: every year is provisional (Labour Code holidays only).
const WorkingCalendar& provisional_calendar() {
  static const WorkingCalendar cal = *WorkingCalendar::build({}, OfficeHours::standard());
  return cal;
}

YearSchedule schedule_with(int year, std::vector<ScheduledDay> days) {
  return YearSchedule{year, false, std::move(days)};
}

TEST(WorkingCalendar, NextWorkingInstantIsHalfOpen) {
  const auto& cal = provisional_calendar();
  // Friday 2026-03-06 17:00 is not a working instant: the next one is Monday 08:00.
  EXPECT_EQ(*cal.next_working_instant(at(2026, 3, 6, 17)), at(2026, 3, 9, 8));
  EXPECT_EQ(*cal.next_working_instant(at(2026, 3, 6, 16, 59)), at(2026, 3, 6, 16, 59));
  EXPECT_EQ(*cal.next_working_instant(at(2026, 3, 6, 12)), at(2026, 3, 6, 13));
  EXPECT_EQ(*cal.next_working_instant(at(2026, 3, 6, 7)), at(2026, 3, 6, 8));
  EXPECT_EQ(*cal.next_working_instant(at(2026, 3, 7, 10)), at(2026, 3, 9, 8));
}

TEST(WorkingCalendar, AddWorkingTimeEndsAtTheEarliestInstant) {
  const auto& cal = provisional_calendar();
  EXPECT_EQ(*cal.add_working_time(at(2026, 3, 2, 8), 4 * 3600), at(2026, 3, 2, 12));
  EXPECT_EQ(*cal.add_working_time(at(2026, 3, 2, 8), 8 * 3600), at(2026, 3, 2, 17));
  EXPECT_EQ(*cal.add_working_time(at(2026, 3, 2, 8), 8 * 3600 + 60), at(2026, 3, 3, 8, 1));
  EXPECT_EQ(*cal.add_working_time(at(2026, 3, 2, 10), 0), at(2026, 3, 2, 10));
}

TEST(WorkingCalendar, WorkingTimeBetweenSkipsLunchNightsAndWeekends) {
  const auto& cal = provisional_calendar();
  EXPECT_EQ(*cal.working_time_between(at(2026, 3, 6, 16), at(2026, 3, 9, 9)), 2 * 3600);
  EXPECT_EQ(*cal.working_time_between(at(2026, 3, 2, 11), at(2026, 3, 2, 14)), 2 * 3600);
  EXPECT_EQ(*cal.working_time_between(at(2026, 3, 2, 14), at(2026, 3, 2, 11)), -2 * 3600);
}

TEST(WorkingCalendar, AnnouncedScheduleOverridesProvisional) {
  std::map<int, YearSchedule> years;
  years.emplace(
      2026,
      schedule_with(2026, {{date_from_ymd(2026, 8, 22), DayKind::makeup_workday, "Làm bù", "", ""},
                           {date_from_ymd(2026, 8, 31), DayKind::swap_off, "Hoán đổi", "", ""}}));
  const auto cal = *WorkingCalendar::build(std::move(years), OfficeHours::standard());
  EXPECT_FALSE(cal.is_provisional_year(2026));
  EXPECT_TRUE(cal.is_provisional_year(2027));
  EXPECT_TRUE(cal.is_working_day(date_from_ymd(2026, 8, 22)));
  EXPECT_FALSE(cal.is_working_day(date_from_ymd(2026, 8, 31)));
  // Announced 2026 lists no Tết here, so those days are ordinary working days.
  EXPECT_TRUE(cal.is_working_day(date_from_ymd(2026, 2, 17)));
  // A make-up Saturday has the normal weekday hours.
  EXPECT_EQ(*cal.next_working_instant(at(2026, 8, 22, 7)), at(2026, 8, 22, 8));
}

TEST(WorkingCalendar, PendingHolidayIsWorkedUnlessEnabled) {
  auto make = [](bool include) {
    std::map<int, YearSchedule> years;
    years.emplace(2026, schedule_with(2026, {{date_from_ymd(2026, 11, 24), DayKind::pending_holiday,
                                              "Ngày Văn hóa Việt Nam", "", ""}}));
    CalendarOptions options;
    options.include_pending_holidays = include;
    return *WorkingCalendar::build(std::move(years), OfficeHours::standard(), options);
  };
  EXPECT_TRUE(make(false).is_working_day(date_from_ymd(2026, 11, 24)));
  EXPECT_FALSE(make(true).is_working_day(date_from_ymd(2026, 11, 24)));
}

TEST(WorkingCalendar, RejectsInconsistentSchedules) {
  std::map<int, YearSchedule> wrong_year;
  wrong_year.emplace(
      2026, schedule_with(2026, {{date_from_ymd(2027, 1, 1), DayKind::holiday, "x", "", ""}}));
  EXPECT_FALSE(WorkingCalendar::build(std::move(wrong_year), OfficeHours::standard()));
  std::map<int, YearSchedule> weekday_makeup;
  weekday_makeup.emplace(
      2026,
      schedule_with(2026, {{date_from_ymd(2026, 3, 2), DayKind::makeup_workday, "x", "", ""}}));
  EXPECT_FALSE(WorkingCalendar::build(std::move(weekday_makeup), OfficeHours::standard()));
  OfficeHours overlapping = OfficeHours::standard();
  overlapping.periods = {{8 * 3600, 13 * 3600}, {12 * 3600, 17 * 3600}};
  EXPECT_FALSE(WorkingCalendar::build({}, overlapping));
}

TEST(WorkingCalendar, OutOfRangeIsAnErrorNotACrash) {
  const auto& cal = provisional_calendar();
  EXPECT_FALSE(cal.next_working_instant(at(2101, 1, 1, 10)));
  EXPECT_FALSE(cal.add_working_time(at(2100, 12, 30, 10), 10 * 8 * 3600));
  EXPECT_FALSE(cal.next_working_instant(at(1899, 12, 31, 10)));
}

TEST(WorkingCalendar, OtherOfficeHoursAndOffsets) {
  OfficeHours hours = OfficeHours::standard();
  hours.periods = {{7 * 3600 + 30 * 60, 11 * 3600 + 30 * 60}, {13 * 3600 + 30 * 60, 17 * 3600}};
  const auto cal = *WorkingCalendar::build({}, hours);
  EXPECT_EQ(cal.working_seconds_per_day(), 450 * 60);
  EXPECT_EQ(*cal.add_working_time(at(2026, 3, 2, 7, 30), 450 * 60), at(2026, 3, 2, 17));
}

TEST(WorkingCalendar, LatestWithinWorkingTimeEndsAtTheNextWorkingInstant) {
  const auto& cal = provisional_calendar();
  const Seconds day = 8 * 3600;
  // Friday 2026-03-06 09:00 + one working day reaches Monday 09:00 (a working instant): itself.
  EXPECT_EQ(*cal.latest_within_working_time(at(2026, 3, 6, 9), day), at(2026, 3, 9, 9));
  // Thursday 08:00 + one working day is reached at Thursday 17:00; the evening adds nothing, so
  // every instant up to Friday 08:00 (inclusive: [now, 08:00) holds no more work) is within it.
  EXPECT_EQ(*cal.latest_within_working_time(at(2026, 3, 5, 8), day), at(2026, 3, 6, 8));
  // Friday 08:00 + one working day: the weekend follows, up to Monday's opening.
  EXPECT_EQ(*cal.latest_within_working_time(at(2026, 3, 6, 8), day), at(2026, 3, 9, 8));
  // Friday evening: the first working day is Monday's, then the evening until Tuesday 08:00.
  EXPECT_EQ(*cal.latest_within_working_time(at(2026, 3, 6, 18), day), at(2026, 3, 10, 8));
  // Reached at 12:00: the lunch break, up to 13:00.
  EXPECT_EQ(*cal.latest_within_working_time(at(2026, 3, 2, 8), 4 * 3600), at(2026, 3, 2, 13));
  // No working time: the next working instant (t itself within office hours).
  EXPECT_EQ(*cal.latest_within_working_time(at(2026, 3, 2, 10), 0), at(2026, 3, 2, 10));
  EXPECT_EQ(*cal.latest_within_working_time(at(2026, 3, 7, 10), 0), at(2026, 3, 9, 8));
  // Tết 2026 (provisional): Monday 16 Feb is off: Friday 13 Feb 08:00 + one day ends after the
  // holidays.
  EXPECT_FALSE(cal.is_working_day(date_from_ymd(2026, 2, 16)));
  EXPECT_EQ(*cal.latest_within_working_time(at(2026, 2, 13, 8), day),
            *cal.next_working_instant(at(2026, 2, 14, 0)));
  EXPECT_GT(*cal.latest_within_working_time(at(2026, 2, 13, 8), day), at(2026, 2, 16, 8));
  // Beyond the calendar: every instant of it qualifies; out of range when t is.
  EXPECT_EQ(*cal.latest_within_working_time(at(2100, 12, 30, 10), 10 * day), cal.last_instant());
  EXPECT_FALSE(
      cal.working_time_between(at(2100, 12, 30, 10), Instant{cal.last_instant().seconds + 1}));
  EXPECT_TRUE(cal.working_time_between(at(2100, 12, 30, 10), cal.last_instant()));
  EXPECT_FALSE(cal.latest_within_working_time(at(2101, 1, 1, 10), day));
}

// The definition, on random instants: u is within `working` of t, u + 1 is not (or is out of
// range).
TEST(WorkingCalendarProperties, LatestWithinWorkingTimeIsTheLastInstantWithin) {
  const auto& cal = provisional_calendar();
  std::mt19937_64 rng(17);
  std::uniform_int_distribution<std::int64_t> instant(at(2020, 1, 1, 0).seconds,
                                                      at(2030, 12, 31, 0).seconds);
  std::uniform_int_distribution<Seconds> amount(0, 20 * 8 * 3600);
  for (int i = 0; i < 20000; ++i) {
    const Instant t{instant(rng)};
    const Seconds work = i % 4 == 0 ? (i / 4 % 10) * 3600 : amount(rng);
    const auto u = cal.latest_within_working_time(t, work);
    ASSERT_TRUE(u);
    ASSERT_GE(*u, t);
    ASSERT_LE(*cal.working_time_between(t, *u), work) << t.seconds << " + " << work;
    ASSERT_GT(*cal.working_time_between(t, Instant{u->seconds + 1}), work)
        << t.seconds << " + " << work;
  }
}

// Properties over random instants in 2020-2030: adding then measuring round-trips, and a larger
// amount never gives an earlier result.
TEST(WorkingCalendarProperties, AddThenMeasureRoundTrips) {
  const auto& cal = provisional_calendar();
  std::mt19937_64 rng(20260312);
  const std::int64_t from = at(2020, 1, 1, 0).seconds;
  const std::int64_t to = at(2030, 12, 31, 0).seconds;
  std::uniform_int_distribution<std::int64_t> instant(from, to);
  std::uniform_int_distribution<Seconds> amount(1, 40 * 8 * 3600);
  for (int i = 0; i < 20000; ++i) {
    const Instant t{instant(rng)};
    const Seconds work = amount(rng);
    const auto end = cal.add_working_time(t, work);
    ASSERT_TRUE(end);
    ASSERT_EQ(*cal.working_time_between(t, *end), work) << t.seconds << " + " << work;
    // Earliest: one second before the end, less work has elapsed.
    ASSERT_EQ(*cal.working_time_between(t, Instant{end->seconds - 1}), work - 1);
  }
}

TEST(WorkingCalendarProperties, DueDatesNeverDecreaseAsTheAmountGrows) {
  const auto& cal = provisional_calendar();
  std::mt19937_64 rng(766);
  std::uniform_int_distribution<std::int64_t> instant(at(2020, 1, 1, 0).seconds,
                                                      at(2030, 1, 1, 0).seconds);
  for (int i = 0; i < 500; ++i) {
    const Instant t{instant(rng)};
    Instant previous = *cal.add_working_time(t, 0);
    for (Seconds work = 1800; work <= 30 * 8 * 3600; work += 1800) {
      const Instant next = *cal.add_working_time(t, work);
      ASSERT_GE(next, previous);
      previous = next;
    }
  }
}

}  // namespace
}  // namespace motcua::calendar
