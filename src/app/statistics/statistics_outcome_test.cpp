// The statistics outcome of one dossier from its legal clock: early / on time / late under the
// Decision 766 due date, and when an open dossier counts as overdue (running, paused, second
// supplement request).
#include "app/statistics/statistics_outcome.hpp"

#include <gtest/gtest.h>

namespace motcua::app {
namespace {

using clock::ClockEvent;
using clock::ClockEventType;

Instant at(int m, int d, int hh, int mm = 0) {
  return from_local(date_from_ymd(2026, m, d), hh * 3600 + mm * 60, 420);
}

const calendar::WorkingCalendar& cal() {
  static const auto c = *calendar::WorkingCalendar::build({}, calendar::OfficeHours::standard());
  return c;
}

ClockEvent event(Instant t, ClockEventType type) { return ClockEvent{t, type, {}, {}, {}, {}}; }

// 3 working days under the civil-code rule: received Monday 02/03, due Thursday 05/03 17:00, and
// finishing any time that Thursday is on time.
clock::ClockInput input(std::vector<ClockEvent> more) {
  clock::ClockInput in{{3, clock::LimitUnit::working_days},
                       clock::DeadlineRule::civil_code,
                       clock::Channel::counter,
                       {event(at(3, 2, 9), ClockEventType::received)}};
  for (auto& e : more) in.events.push_back(e);
  return in;
}

DossierOutcome outcome(const clock::ClockInput& in) {
  const auto report = clock::replay(cal(), in);
  EXPECT_TRUE(report) << report.error().message;
  return outcome_of(cal(), History{}, in, *report);
}

TEST(StatisticsOutcome, FinishedEarlyOnTimeOrLateAgainstTheDueDay) {
  EXPECT_EQ(outcome(input({event(at(3, 4, 16), ClockEventType::finished)})).outcome,
            Outcome::early);
  // 19:00 on the due day: the period ends at 24:00 (Civil Code Art. 148).
  EXPECT_EQ(outcome(input({event(at(3, 5, 19), ClockEventType::finished)})).outcome,
            Outcome::on_time);
  EXPECT_EQ(outcome(input({event(at(3, 6, 8, 30), ClockEventType::finished)})).outcome,
            Outcome::late);
  const auto o = outcome(input({event(at(3, 4, 16), ClockEventType::finished)}));
  EXPECT_EQ(o.received_month, "2026-03");
  EXPECT_FALSE(o.overdue_from);
}

TEST(StatisticsOutcome, AnOpenDossierIsOverdueFromTheDayAfterTheDueDay) {
  const auto o = outcome(input({}));
  EXPECT_EQ(o.outcome, Outcome::open);
  ASSERT_TRUE(o.overdue_from);
  EXPECT_EQ(*o.overdue_from, at(3, 6, 0));
}

TEST(StatisticsOutcome, APausedDossierKeepsItsStateAtThePause) {
  // Paused within time: cannot become overdue while the applicant owes papers.
  const auto within = outcome(input({event(at(3, 3, 10), ClockEventType::supplement_requested)}));
  EXPECT_EQ(within.paused, "supplement");
  EXPECT_FALSE(within.overdue_from);
  // Paused after the due day had passed: overdue whatever the time.
  const auto late = outcome(input({event(at(3, 9, 10), ClockEventType::payment_requested)}));
  EXPECT_EQ(late.paused, "payment");
  ASSERT_TRUE(late.overdue_from);
  EXPECT_EQ(late.overdue_from->seconds, 0);
}

TEST(StatisticsOutcome, ASecondSupplementRequestIsLate) {
  const std::vector<ClockEvent> twice = {event(at(3, 3, 9), ClockEventType::supplement_requested),
                                         event(at(3, 3, 10), ClockEventType::supplement_completed),
                                         event(at(3, 3, 11), ClockEventType::supplement_requested),
                                         event(at(3, 3, 14), ClockEventType::supplement_completed)};
  const auto open = outcome(input(twice));
  ASSERT_TRUE(open.overdue_from);
  EXPECT_EQ(open.overdue_from->seconds, 0);
  auto finished = twice;
  finished.push_back(event(at(3, 4, 9), ClockEventType::finished));
  const auto o = outcome(input(finished));
  EXPECT_EQ(o.outcome, Outcome::late);
  EXPECT_EQ(o.supplement_requests, 2);
  EXPECT_NE(std::find(o.flags.begin(), o.flags.end(), "second_supplement"), o.flags.end());
}

}  // namespace
}  // namespace motcua::app
