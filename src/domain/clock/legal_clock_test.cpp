#include "domain/clock/legal_clock.hpp"

#include <gtest/gtest.h>

namespace motcua::clock {
namespace {

using calendar::DayKind;
using calendar::OfficeHours;
using calendar::ScheduledDay;
using calendar::YearSchedule;

Instant at(int y, int m, int d, int hh, int mm = 0) {
  return from_local(date_from_ymd(y, m, d), hh * 3600 + mm * 60, 420);
}

const WorkingCalendar& plain_calendar() {
  static const WorkingCalendar cal = *WorkingCalendar::build({}, OfficeHours::standard());
  return cal;
}

ClockEvent event(Instant t, ClockEventType type) { return ClockEvent{t, type, {}, {}, {}, {}}; }

ClockInput timeline(std::vector<ClockEvent> events, const char* limit = "5 working-days") {
  return ClockInput{*parse_time_limit(limit), DeadlineRule::standard, Channel::online,
                    std::move(events)};
}

TEST(LegalClock, RejectsMalformedTimelines) {
  const auto& cal = plain_calendar();
  const Instant mon = at(2026, 3, 2, 10);
  struct Bad {
    std::vector<ClockEvent> events;
    std::size_t index;
  };
  const std::vector<Bad> bad = {
      {{}, 0},
      {{event(mon, ClockEventType::finished)}, 0},
      {{event(mon, ClockEventType::received), event(at(2026, 3, 1, 10), ClockEventType::finished)},
       1},
      {{event(mon, ClockEventType::received), event(mon, ClockEventType::received)}, 1},
      {{event(mon, ClockEventType::received), event(mon, ClockEventType::supplement_completed)}, 1},
      {{event(mon, ClockEventType::received), event(mon, ClockEventType::payment_requested),
        event(mon, ClockEventType::supplement_completed)},
       2},
      {{event(mon, ClockEventType::received), event(mon, ClockEventType::payment_requested),
        event(mon, ClockEventType::supplement_requested)},
       2},
      {{event(mon, ClockEventType::received), event(mon, ClockEventType::apology)}, 1},
      {{event(mon, ClockEventType::received), event(mon, ClockEventType::finished),
        event(mon, ClockEventType::transferred)},
       2},
      {{event(mon, ClockEventType::received), event(mon, ClockEventType::step_started)}, 1},
  };
  for (const auto& b : bad) {
    const auto result = replay(cal, timeline(b.events));
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().event_index, b.index) << result.error().message;
    EXPECT_FALSE(result.error().message.empty());
  }
}

TEST(LegalClock, ApologyMustMoveTheDueDateLater) {
  auto apology = event(at(2026, 3, 3, 10), ClockEventType::apology);
  apology.new_due = at(2026, 3, 4, 10);  // before the due date (Monday 10:00 + 5 days)
  const auto result = replay(
      plain_calendar(), timeline({event(at(2026, 3, 2, 10), ClockEventType::received), apology}));
  ASSERT_FALSE(result);
}

TEST(LegalClock, OpenDossierHasNoVerdict) {
  const auto report =
      replay(plain_calendar(), timeline({event(at(2026, 3, 2, 10), ClockEventType::received)}));
  ASSERT_TRUE(report);
  EXPECT_FALSE(report->on_time.has_value());
  EXPECT_FALSE(report->on_time_766.has_value());
  EXPECT_EQ(report->due, at(2026, 3, 9, 10));
  EXPECT_TRUE(report->flags.empty());
}

TEST(LegalClock, CalendarChangeIsRecomputedWithOldAndNewDates) {
  // 2030 is provisional; an announcement adds a swapped day off on Monday 2030-03-04.
  std::map<int, YearSchedule> announced;
  announced.emplace(2030, YearSchedule{2030,
                                       false,
                                       {ScheduledDay{date_from_ymd(2030, 3, 4), DayKind::swap_off,
                                                     "Hoán đổi", "Swap", "test"}}});
  const auto after = *WorkingCalendar::build(std::move(announced), OfficeHours::standard());
  const auto input =
      timeline({event(at(2030, 3, 1, 10), ClockEventType::received)}, "1 working-days");
  const auto change = recompute(plain_calendar(), after, input);
  ASSERT_TRUE(change);
  EXPECT_TRUE(change->due_changed);
  EXPECT_EQ(change->before.due, at(2030, 3, 4, 10));
  EXPECT_EQ(change->after.due, at(2030, 3, 5, 10));
  EXPECT_TRUE(change->before.provisional);
  EXPECT_FALSE(change->after.provisional);
  const auto same = recompute(plain_calendar(), plain_calendar(), input);
  ASSERT_TRUE(same);
  EXPECT_FALSE(same->due_changed);
}

TEST(TimeLimit, ParsesUnitsAndRejectsNonsense) {
  EXPECT_EQ(*parse_time_limit("3 working-days"), (TimeLimit{3, LimitUnit::working_days}));
  EXPECT_EQ(*parse_time_limit(" 1 day "), (TimeLimit{1, LimitUnit::calendar_days}));
  EXPECT_EQ(*parse_time_limit("8 hours"), (TimeLimit{8, LimitUnit::working_hours}));
  for (const char* bad :
       {"", "3", "three days", "-1 days", "3 weeks", "1.5 days", "99999 days", "3days"}) {
    EXPECT_FALSE(parse_time_limit(bad)) << bad;
  }
  EXPECT_EQ(to_string(TimeLimit{10, LimitUnit::working_days}), "10 working-days");
}

}  // namespace
}  // namespace motcua::clock
