// The calendar in use and the checks of an imported year, without a server.
#include "app/calendar/calendar_admin.hpp"

#include <gtest/gtest.h>

#include <thread>

namespace motcua::app {
namespace {

namespace json = boost::json;

std::vector<std::string> codes(const YearDraft& d) {
  std::vector<std::string> out;
  for (const auto& p : d.problems) out.emplace_back(p.at("code").as_string());
  return out;
}

calendar::WorkingCalendar plain() {
  return *calendar::WorkingCalendar::build({}, calendar::OfficeHours::standard());
}

TEST(CalendarAdmin, AValidYearIsParsedWithTheRequestMembersLeftOut) {
  const auto draft = read_year_draft(
      json::parse(R"({"year": 2027, "reason": "CV 1", "expected_version": 0, "days": [
        {"date": "2027-01-01", "kind": "holiday", "name": "Tết Dương lịch"},
        {"date": "2027-01-09", "kind": "makeup_workday", "name": "Làm bù"}],
        "pending": [{"date": "2027-11-24", "kind": "pending_holiday", "name": "Văn hóa"}]})"),
      2027);
  ASSERT_TRUE(draft.problems.empty()) << json::serialize(draft.problems);
  ASSERT_TRUE(draft.schedule);
  EXPECT_EQ(draft.schedule->days.size(), 3u);
  EXPECT_EQ(draft.document.find("reason"), std::string::npos);
}

TEST(CalendarAdmin, EveryProblemOfAYearIsReported) {
  const auto draft = read_year_draft(json::parse(R"({"year": 2028, "days": [
      {"date": "2027-01-05", "kind": "swap_off", "name": "A"},
      {"date": "2027-01-05", "kind": "swap_off", "name": "A"},
      {"date": "2027-01-07", "kind": "makeup_workday", "name": "B"},
      {"date": "2027-01-09", "kind": "compensatory", "name": "C"},
      {"date": "2027-02-31", "kind": "holiday", "name": "D"},
      {"date": "2027-03-01", "kind": "pending_holiday", "name": "E"},
      {"date": "2027-03-02", "kind": "holiday", "name": ""}]})"),
                                     2027);
  EXPECT_FALSE(draft.schedule);
  const auto found = codes(draft);
  for (const char* code :
       {"year_mismatch", "duplicate_day", "makeup_not_weekend", "day_off_on_weekend",
        "invalid_date", "misplaced_pending", "missing_name"}) {
    EXPECT_NE(std::find(found.begin(), found.end(), code), found.end()) << code;
  }
}

TEST(CalendarAdmin, PublishingSwapsTheCalendarWhileOldSnapshotsStayUsable) {
  ActiveCalendar active(plain());
  const auto before = active.snapshot();
  EXPECT_TRUE(before->is_provisional_year(2027));
  auto draft = read_year_draft(json::parse(R"({"year": 2027, "days": [
        {"date": "2027-01-05", "kind": "swap_off", "name": "Nghỉ"}]})"),
                               2027);
  ASSERT_TRUE(draft.schedule);
  auto next = active.build({{2027, *draft.schedule}});
  ASSERT_TRUE(next);
  // Readers on other threads keep working while the calendar is replaced.
  std::atomic<bool> stop{false};
  std::thread reader([&] {
    while (!stop) {
      const auto snap = active.snapshot();
      EXPECT_TRUE(snap->contains(date_from_ymd(2027, 1, 5)));
    }
  });
  active.publish(*next);
  stop = true;
  reader.join();
  EXPECT_FALSE(active.snapshot()->is_provisional_year(2027));
  EXPECT_FALSE(active.snapshot()->is_working_day(date_from_ymd(2027, 1, 5)));
  EXPECT_TRUE(before->is_working_day(date_from_ymd(2027, 1, 5)));
  // The file replaces the whole year: the provisional Tết days it does not list become working.
  const auto diff = changed_days(*before, *active.snapshot(), 2027);
  int swapped = 0, tet_worked = 0;
  for (const auto& d : diff) {
    if (d.at("date") == "2027-01-05" && d.at("after") == "swap_off") ++swapped;
    if (d.at("date") == "2027-02-08" && d.at("after") == "working") ++tet_worked;
  }
  EXPECT_EQ(swapped, 1);
  EXPECT_EQ(tet_worked, 1);
}

}  // namespace
}  // namespace motcua::app
