// The calendar in use and the checks of an imported year, without a server.
#include "app/calendar/calendar_admin.hpp"

#include <gtest/gtest.h>

#include <thread>

namespace motcua::app {
namespace {

std::vector<std::string> codes(const YearDraft& d) {
  std::vector<std::string> out;
  for (const auto& p : d.problems) out.push_back(p.code);
  return out;
}

calendar::WorkingCalendar plain() {
  return *calendar::WorkingCalendar::build({}, calendar::OfficeHours::standard());
}

// A year as src/api/json/calendar_json.cpp decodes it; `document` is what would be stored.
SubmittedYear submitted(std::int64_t year, std::vector<SubmittedDay> days,
                        std::vector<SubmittedDay> pending, std::string document) {
  SubmittedYear y;
  y.year = year;
  y.days = {true, true, std::move(days)};
  y.pending = {!pending.empty(), true, std::move(pending)};
  y.document = std::move(document);
  return y;
}

TEST(CalendarAdmin, AValidYearIsParsedAndItsDocumentKept) {
  const std::string document = R"({"year": 2027, "days": [
        {"date": "2027-01-01", "kind": "holiday", "name": "Tết Dương lịch"},
        {"date": "2027-01-09", "kind": "makeup_workday", "name": "Làm bù"}],
        "pending": [{"date": "2027-11-24", "kind": "pending_holiday", "name": "Văn hóa"}]})";
  const auto draft =
      read_year_draft(submitted(2027,
                                {{true, "2027-01-01", "holiday", "Tết Dương lịch"},
                                 {true, "2027-01-09", "makeup_workday", "Làm bù"}},
                                {{true, "2027-11-24", "pending_holiday", "Văn hóa"}}, document),
                      2027);
  ASSERT_TRUE(draft.problems.empty()) << draft.problems.front().code;
  ASSERT_TRUE(draft.schedule);
  EXPECT_EQ(draft.schedule->days.size(), 3u);
  EXPECT_EQ(draft.document, document);
}

TEST(CalendarAdmin, EveryProblemOfAYearIsReported) {
  const auto draft = read_year_draft(submitted(2028,
                                               {{true, "2027-01-05", "swap_off", "A"},
                                                {true, "2027-01-05", "swap_off", "A"},
                                                {true, "2027-01-07", "makeup_workday", "B"},
                                                {true, "2027-01-09", "compensatory", "C"},
                                                {true, "2027-02-31", "holiday", "D"},
                                                {true, "2027-03-01", "pending_holiday", "E"},
                                                {true, "2027-03-02", "holiday", ""},
                                                {false, "", "", ""}},
                                               {}, "{}"),
                                     2027);
  EXPECT_FALSE(draft.schedule);
  const auto found = codes(draft);
  for (const char* code :
       {"year_mismatch", "duplicate_day", "makeup_not_weekend", "day_off_on_weekend",
        "invalid_date", "misplaced_pending", "missing_name", "malformed_day"}) {
    EXPECT_NE(std::find(found.begin(), found.end(), code), found.end()) << code;
  }
  SubmittedYear not_object;
  not_object.is_object = false;
  EXPECT_EQ(codes(read_year_draft(not_object, 2027)),
            std::vector<std::string>{"malformed_calendar"});
}

TEST(CalendarAdmin, PublishingSwapsTheCalendarWhileOldSnapshotsStayUsable) {
  ActiveCalendar active(plain());
  const auto before = active.snapshot();
  EXPECT_TRUE(before->is_provisional_year(2027));
  auto draft = read_year_draft(
      submitted(
          2027, {{true, "2027-01-05", "swap_off", "Nghỉ"}}, {},
          R"({"year": 2027, "days": [{"date": "2027-01-05", "kind": "swap_off", "name": "Nghỉ"}]})"),
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
    if (d.date == "2027-01-05" && d.after == "swap_off") ++swapped;
    if (d.date == "2027-02-08" && d.after == "working") ++tet_worked;
  }
  EXPECT_EQ(swapped, 1);
  EXPECT_EQ(tet_worked, 1);
}

}  // namespace
}  // namespace motcua::app
