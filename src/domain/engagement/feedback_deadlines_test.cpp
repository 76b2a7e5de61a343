#include "domain/engagement/feedback_deadlines.hpp"

#include <gtest/gtest.h>

namespace motcua::engagement {
namespace {

using calendar::OfficeHours;
using calendar::WorkingCalendar;

Instant at(int y, int m, int d, int hh, int mm = 0) {
  return from_local(date_from_ymd(y, m, d), hh * 3600 + mm * 60, 420);
}

// No announced year: 2026 is the Labour Code's provisional year, with Reunification Day (Thursday
// 30/04) and Labour Day (Friday 01/05) off, so they and the weekend after them are not counted.
const WorkingCalendar& cal() {
  static const WorkingCalendar c = *WorkingCalendar::build({}, OfficeHours::standard());
  return c;
}

const FeedbackTerms kNinhBinh{2, 5, 5, 10, 2};

const StepDue& step(const std::vector<StepDue>& steps, FeedbackStep s) {
  for (const auto& x : steps) {
    if (x.step == s) return x;
  }
  throw std::runtime_error("no step " + std::string(to_string(s)));
}

// Received Tuesday 28/04/2026 10:00: day 1 is Wednesday 29/04, then 30/04, 01/05 and the weekend
// are skipped, so day 2 is Monday 04/05 and day 5 Thursday 07/05, day 10 Thursday 14/05.
TEST(FeedbackDeadlines, EveryStepSkipsTheWeekendAndTheHolidays) {
  FeedbackTimes t;
  t.clock_start = at(2026, 4, 28, 10);
  const auto steps = feedback_deadlines(cal(), kNinhBinh, t, at(2026, 4, 28, 11));
  ASSERT_TRUE(steps);
  EXPECT_EQ(cal().local(*step(*steps, FeedbackStep::reject).due).date, date_from_ymd(2026, 5, 4));
  EXPECT_EQ(cal().local(*step(*steps, FeedbackStep::ask).due).date, date_from_ymd(2026, 5, 7));
  EXPECT_EQ(cal().local(*step(*steps, FeedbackStep::forward).due).date, date_from_ymd(2026, 5, 7));
  EXPECT_EQ(cal().local(*step(*steps, FeedbackStep::answer).due).date, date_from_ymd(2026, 5, 14));
  EXPECT_TRUE(step(*steps, FeedbackStep::reject).open);
  EXPECT_TRUE(handled_in_time(*steps));
}

TEST(FeedbackDeadlines, RejectionOnTheSecondWorkingDayIsOnTimeAndOnTheThirdLate) {
  FeedbackTimes t;
  t.clock_start = at(2026, 4, 28, 10);
  t.rejected = at(2026, 5, 4, 16);
  auto steps = feedback_deadlines(cal(), kNinhBinh, t, at(2026, 5, 20, 9));
  ASSERT_TRUE(steps);
  EXPECT_EQ(steps->size(), 3u);  // nothing is owed after a rejection
  EXPECT_TRUE(handled_in_time(*steps));
  t.rejected = at(2026, 5, 5, 8);
  steps = feedback_deadlines(cal(), kNinhBinh, t, at(2026, 5, 20, 9));
  EXPECT_TRUE(step(*steps, FeedbackStep::reject).late);
  EXPECT_FALSE(handled_in_time(*steps));
}

TEST(FeedbackDeadlines, ForwardingAfterFiveWorkingDaysIsLate) {
  FeedbackTimes t;
  t.clock_start = at(2026, 4, 28, 10);
  t.forwarded = at(2026, 5, 7, 16);
  auto steps = feedback_deadlines(cal(), kNinhBinh, t, at(2026, 5, 20, 9));
  EXPECT_FALSE(step(*steps, FeedbackStep::forward).late);
  t.forwarded = at(2026, 5, 8, 9);
  steps = feedback_deadlines(cal(), kNinhBinh, t, at(2026, 5, 20, 9));
  EXPECT_TRUE(step(*steps, FeedbackStep::forward).late);
}

// Asked on Thursday 07/05 (day 5, on time), supplied on Tuesday 12/05: three working days
// (07/05 afternoon .. 12/05) of waiting move the answer's due day from 14/05 to 19/05.
TEST(FeedbackDeadlines, WaitingForTheSenderPausesTheAnswerClock) {
  FeedbackTimes t;
  t.clock_start = at(2026, 4, 28, 10);
  t.info_requested = at(2026, 5, 7, 9);
  t.pause_open = at(2026, 5, 7, 9);
  auto steps = feedback_deadlines(cal(), kNinhBinh, t, at(2026, 5, 20, 9));
  ASSERT_TRUE(steps);
  EXPECT_FALSE(step(*steps, FeedbackStep::answer).due);  // paused: no due time, never late
  EXPECT_FALSE(step(*steps, FeedbackStep::answer).late);
  EXPECT_FALSE(step(*steps, FeedbackStep::ask).late);
  EXPECT_FALSE(step(*steps, FeedbackStep::reject).open);
  t.pause_open.reset();
  t.paused = *cal().working_time_between(at(2026, 5, 7, 9), at(2026, 5, 12, 9));
  steps = feedback_deadlines(cal(), kNinhBinh, t, at(2026, 5, 12, 9));
  EXPECT_EQ(cal().local(*step(*steps, FeedbackStep::answer).due).date, date_from_ymd(2026, 5, 19));
  EXPECT_FALSE(step(*steps, FeedbackStep::answer).late);
  // Still unanswered after its day: late even before anyone answers.
  steps = feedback_deadlines(cal(), kNinhBinh, t, at(2026, 5, 20, 8));
  EXPECT_TRUE(step(*steps, FeedbackStep::answer).late);
}

// Answered Wednesday 29/04: publication is due two working days later, Tuesday 05/05.
TEST(FeedbackDeadlines, PublicationIsDueTwoWorkingDaysAfterTheAnswer) {
  FeedbackTimes t;
  t.clock_start = at(2026, 4, 28, 10);
  t.answered = at(2026, 4, 29, 15);
  auto steps = feedback_deadlines(cal(), kNinhBinh, t, at(2026, 5, 5, 16));
  ASSERT_TRUE(steps);
  const auto& publish = step(*steps, FeedbackStep::publish);
  EXPECT_EQ(cal().local(*publish.due).date, date_from_ymd(2026, 5, 5));
  EXPECT_TRUE(publish.open);
  EXPECT_FALSE(publish.late);
  EXPECT_FALSE(step(*steps, FeedbackStep::answer).late);
  steps = feedback_deadlines(cal(), kNinhBinh, t, at(2026, 5, 6, 8));
  EXPECT_TRUE(step(*steps, FeedbackStep::publish).late);
  t.published = at(2026, 5, 5, 10);
  steps = feedback_deadlines(cal(), kNinhBinh, t, at(2026, 5, 20, 8));
  EXPECT_FALSE(step(*steps, FeedbackStep::publish).late);
  EXPECT_TRUE(handled_in_time(*steps));
}

}  // namespace
}  // namespace motcua::engagement
