#include "domain/clock/lateness_cause.hpp"

#include <gtest/gtest.h>

#include "domain/clock/legal_clock.hpp"

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

ClockEvent step(Instant t, std::string name, std::string party, std::string budget) {
  ClockEvent e{t, ClockEventType::step_started, std::nullopt, std::move(name), std::move(party),
               {}};
  e.budget = *parse_time_limit(budget);
  return e;
}

// The control sheet of a replayed timeline, as the statistics read it.
LatenessInput input_of(const ClockReport& r, Instant as_of) {
  LatenessInput in;
  in.late = r.finished ? !r.on_time_766.value_or(false) : as_of > *r.due_766;
  in.due_766 = r.due_766;
  in.finished = r.finished;
  in.as_of = as_of;
  for (const auto& s : r.steps) in.rows.push_back({s.name, s.party, s.started, s.ended, s.due});
  return in;
}

// Received Monday 02/03/2026, 5 working days: due Monday 09/03 (counting starts the next working
// instant). The expert keeps the file four days on a one-day budget; the leader signs in time.
ClockInput expert_late() {
  ClockInput in;
  in.limit = *parse_time_limit("5 working-days");
  in.events = {
      {at(2026, 3, 2, 9), ClockEventType::received, std::nullopt, {}, {}, {}},
      step(at(2026, 3, 2, 10), "Thẩm định", "official:expert", "1 working-days"),
      step(at(2026, 3, 9, 9), "Phê duyệt", "official:leader", "1 working-days"),
      {at(2026, 3, 10, 10), ClockEventType::finished, std::nullopt, {}, {}, {}},
  };
  return in;
}

TEST(LatenessCause, AStepHeldPastItsBudgetBlamesTheOfficialWhoHeldIt) {
  const auto& cal = plain_calendar();
  const auto report = replay(cal, expert_late());
  ASSERT_TRUE(report.has_value());
  ASSERT_FALSE(report->on_time_766.value_or(true));
  const auto v = lateness_cause(cal, input_of(*report, at(2026, 3, 10, 10)));
  ASSERT_TRUE(v.primary.has_value());
  EXPECT_EQ(*v.primary, LatenessCause::official);
  ASSERT_FALSE(v.causes.empty());
  EXPECT_EQ(v.causes.front().party, "official:expert");
  EXPECT_EQ(v.causes.front().step, "Thẩm định");
  EXPECT_EQ(v.causes.front().overrun,
            *cal.working_time_between(*report->steps[0].due, *report->steps[0].ended));
  EXPECT_GT(v.overrun, 0);
}

TEST(LatenessCause, TimeOnNoStepsBudgetIsTheReceivingUnits) {
  const auto& cal = plain_calendar();
  // The desk hands the dossier over only on its due day; the one step is then within its budget.
  ClockInput in;
  in.limit = *parse_time_limit("2 working-days");
  in.events = {
      {at(2026, 3, 2, 9), ClockEventType::received, std::nullopt, {}, {}, {}},
      step(at(2026, 3, 4, 16), "Thẩm định", "official:expert", "1 working-days"),
      {at(2026, 3, 5, 15), ClockEventType::finished, std::nullopt, {}, {}, {}},
  };
  const auto report = replay(cal, in);
  ASSERT_TRUE(report.has_value());
  ASSERT_FALSE(report->on_time_766.value_or(true));
  const auto v = lateness_cause(cal, input_of(*report, at(2026, 3, 5, 15)));
  EXPECT_EQ(v.primary, LatenessCause::agency);
  ASSERT_EQ(v.causes.size(), 1U);
  EXPECT_EQ(v.causes[0].party, "");
  EXPECT_EQ(v.causes[0].overrun, v.overrun);
}

TEST(LatenessCause, ALateConsultationOutweighingTheStepMakesTheOtherAgencyPrimaryAndKeepsBoth) {
  const auto& cal = plain_calendar();
  const auto report = replay(cal, expert_late());
  ASSERT_TRUE(report.has_value());
  auto in = input_of(*report, at(2026, 3, 10, 10));
  // Asked on Monday with a two-day deadline, answered the next Monday: three days late, the
  // expert's own overrun is shorter because the answer arrived before the expert forwarded.
  in.rows.push_back({"Lấy ý kiến Sở Tài chính", "agency:stc", at(2026, 3, 2, 11), at(2026, 3, 9, 8),
                     at(2026, 3, 4, 11)});
  in.rows[0].ended = at(2026, 3, 5, 10);  // the expert's step, shortened for this case
  const auto v = lateness_cause(cal, in);
  EXPECT_EQ(v.primary, LatenessCause::other_agency);
  bool official = false;
  for (const auto& c : v.causes) official = official || c.cause == LatenessCause::official;
  EXPECT_TRUE(official) << "the expert's overrun stays in the list";
}

TEST(LatenessCause, AnApologyNeverMakesALateDossierOnTime) {
  const auto& cal = plain_calendar();
  auto timeline = expert_late();
  // Apology on Thursday 05/03 (the working day before the due day), new date 13/03: the legal due
  // moves, due_766 does not, so the finish on 10/03 stays late and keeps its cause.
  timeline.events.insert(
      timeline.events.begin() + 2,
      ClockEvent{at(2026, 3, 5, 9), ClockEventType::apology, at(2026, 3, 13, 17), {}, {}, {}});
  const auto report = replay(cal, timeline);
  ASSERT_TRUE(report.has_value());
  EXPECT_TRUE(report->on_time.value_or(false));
  auto in = input_of(*report, at(2026, 3, 10, 10));
  in.apology = ApologyNote{"Chờ xác minh thực địa", at(2026, 3, 13, 17)};
  const auto v = lateness_cause(cal, in);
  EXPECT_EQ(v.primary, LatenessCause::official);
  ASSERT_TRUE(v.apology.has_value());
  EXPECT_EQ(v.apology->reason, "Chờ xác minh thực địa");
  EXPECT_GT(v.overrun, 0);
}

TEST(LatenessCause, WaitingForTheApplicantIsNeverTheApplicantsFault) {
  const auto& cal = plain_calendar();
  // A week of waiting for papers inside the expert's step moves due_766 and the step's due alike:
  // finished a day after the original due, the dossier is on time and nothing is blamed.
  ClockInput in;
  in.limit = *parse_time_limit("5 working-days");
  in.events = {
      {at(2026, 3, 2, 9), ClockEventType::received, std::nullopt, {}, {}, {}},
      step(at(2026, 3, 2, 10), "Thẩm định", "official:expert", "4 working-days"),
      {at(2026, 3, 3, 9), ClockEventType::supplement_requested, std::nullopt, {}, {}, {}},
      {at(2026, 3, 10, 9), ClockEventType::supplement_completed, std::nullopt, {}, {}, {}},
      {at(2026, 3, 13, 9), ClockEventType::finished, std::nullopt, {}, {}, {}},
  };
  const auto report = replay(cal, in);
  ASSERT_TRUE(report.has_value());
  EXPECT_TRUE(report->on_time_766.value_or(false));
  const auto v = lateness_cause(cal, input_of(*report, at(2026, 3, 13, 9)));
  EXPECT_FALSE(v.primary.has_value());
  EXPECT_TRUE(v.causes.empty());
}

TEST(LatenessCause, OnlyAStepTheProcessGivesTheApplicantBlamesTheApplicant) {
  const auto& cal = plain_calendar();
  LatenessInput in;
  in.late = true;
  in.due_766 = at(2026, 3, 9, 17);
  in.finished = at(2026, 3, 11, 17);
  in.rows = {{"Nộp lệ phí", "applicant", at(2026, 3, 2, 9), at(2026, 3, 11, 9), at(2026, 3, 4, 9)}};
  const auto v = lateness_cause(cal, in);
  EXPECT_EQ(v.primary, LatenessCause::applicant);
  EXPECT_EQ(cause_of_party("unit"), LatenessCause::agency);
}

TEST(LatenessCause, ASecondSupplementRequestIsTheReceivingUnitsEvenWithoutOverrun) {
  const auto& cal = plain_calendar();
  LatenessInput in;
  in.late = true;
  in.second_supplement = true;
  in.due_766 = at(2026, 3, 9, 17);
  in.finished = at(2026, 3, 6, 9);
  const auto v = lateness_cause(cal, in);
  EXPECT_EQ(v.primary, LatenessCause::agency);
  ASSERT_EQ(v.causes.size(), 1U);
  EXPECT_EQ(v.causes[0].step, "second_supplement");
  EXPECT_EQ(v.overrun, 0);
}

TEST(LatenessCause, CodesRoundTrip) {
  for (const auto c : kLatenessCauses) EXPECT_EQ(parse_lateness_cause(to_string(c)), c);
  EXPECT_FALSE(parse_lateness_cause("people").has_value());
}

}  // namespace
}  // namespace motcua::clock
