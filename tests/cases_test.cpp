// The one driver for the rule cases in tests/cases/: every table row and every clock timeline is
// replayed against the real calendar data (data/calendars/vn). A new rule case is a new row.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "codec/calendar_files.hpp"
#include "codec/clock_json.hpp"
#include "codec/iso_time.hpp"
#include "domain/calendar/lunar.hpp"
#include "domain/clock/deadline.hpp"
#include "domain/dossier/dossier_code.hpp"
#include "table_file.hpp"

namespace motcua {
namespace {

namespace json = boost::json;
namespace fs = std::filesystem;
using testing::read_table;

const fs::path kCases = fs::path(MOTCUA_SOURCE_DIR) / "tests" / "cases";

const calendar::WorkingCalendar& vn_calendar() {
  static const auto cal = [] {
    auto loaded = codec::load_calendar(fs::path(MOTCUA_SOURCE_DIR) / "data" / "calendars" / "vn");
    if (!loaded) throw std::runtime_error(loaded.error());
    return std::move(*loaded);
  }();
  return cal;
}

std::string local_iso(Instant t) { return to_iso(t, vn_calendar().utc_offset_minutes()); }

TEST(RuleCases, Deadlines) {
  const auto& cal = vn_calendar();
  const auto rows = read_table((kCases / "deadlines.tsv").string());
  ASSERT_GE(rows.size(), 30u);
  for (const auto& row : rows) {
    SCOPED_TRACE("deadlines.tsv:" + std::to_string(row.line) + " " + row.at("note"));
    const auto received = codec::parse_iso_instant(row.at("received"), 420);
    const auto limit = clock::parse_time_limit(row.at("limit"));
    const auto rule = clock::parse_deadline_rule(row.at("rule"));
    ASSERT_TRUE(received && limit && rule);
    const auto deadline = clock::compute_deadline(cal, *received, *limit, *rule);
    ASSERT_TRUE(deadline) << deadline.error().message;
    EXPECT_EQ(local_iso(deadline->counting_starts), row.at("counting_starts") + ":00+07:00");
    EXPECT_EQ(local_iso(deadline->due), row.at("due") + ":00+07:00");
    const bool provisional = cal.any_provisional(cal.local(deadline->counting_starts).date,
                                                 cal.local(deadline->due).date);
    EXPECT_EQ(provisional ? "true" : "false", row.at("provisional"));
  }
}

TEST(RuleCases, CalendarDays) {
  const auto& cal = vn_calendar();
  const auto rows = read_table((kCases / "calendar_days.tsv").string());
  ASSERT_GE(rows.size(), 50u);
  for (const auto& row : rows) {
    SCOPED_TRACE("calendar_days.tsv:" + std::to_string(row.line) + " " + row.at("note"));
    const auto date = codec::parse_iso_date(row.at("date"));
    ASSERT_TRUE(date);
    EXPECT_EQ(to_string(cal.status(*date)), row.at("status"));
  }
}

TEST(RuleCases, LunarDates) {
  const auto rows = read_table((kCases / "lunar.tsv").string());
  ASSERT_GE(rows.size(), 30u);
  for (const auto& row : rows) {
    SCOPED_TRACE("lunar.tsv:" + std::to_string(row.line) + " " + row.at("note"));
    const auto solar = codec::parse_iso_date(row.at("solar"));
    ASSERT_TRUE(solar);
    const calendar::LunarDate expected{std::stoi(row.at("lunar_year")),
                                       std::stoi(row.at("lunar_month")),
                                       std::stoi(row.at("lunar_day")), row.at("leap") == "1"};
    const auto lunar = calendar::to_lunar(*solar);
    ASSERT_TRUE(lunar);
    EXPECT_EQ(*lunar, expected);
    EXPECT_EQ(calendar::from_lunar(expected), *solar);
  }
}

TEST(RuleCases, DossierCodes) {
  const auto rows = read_table((kCases / "dossier_codes.tsv").string());
  ASSERT_GE(rows.size(), 5u);
  for (const auto& row : rows) {
    SCOPED_TRACE("dossier_codes.tsv:" + std::to_string(row.line) + " " + row.at("note"));
    const auto date = codec::parse_iso_date(row.at("receipt_date"));
    ASSERT_TRUE(date);
    const auto code =
        dossier::format_dossier_code(row.at("agency"), *date, std::stoi(row.at("sequence")));
    EXPECT_EQ(code, row.at("code"));
    const auto parsed = dossier::parse_dossier_code(code);
    ASSERT_TRUE(parsed);
  }
}

// Every key of `expected` must be in `actual` with an equal value; objects are compared the same
// way recursively, arrays element by element and must have the same length.
void expect_subset(const json::value& expected, const json::value& actual,
                   const std::string& path) {
  if (expected.is_object()) {
    ASSERT_TRUE(actual.is_object()) << path << " is not an object: " << json::serialize(actual);
    for (const auto& [key, value] : expected.as_object()) {
      const auto* found = actual.as_object().if_contains(key);
      ASSERT_NE(found, nullptr) << path << "." << key << " missing";
      expect_subset(value, *found, path + "." + std::string(key));
    }
  } else if (expected.is_array()) {
    ASSERT_TRUE(actual.is_array()) << path << " is not an array";
    ASSERT_EQ(expected.as_array().size(), actual.as_array().size())
        << path << ": " << json::serialize(actual);
    for (std::size_t i = 0; i < expected.as_array().size(); ++i) {
      expect_subset(expected.as_array()[i], actual.as_array()[i],
                    path + "[" + std::to_string(i) + "]");
    }
  } else {
    EXPECT_EQ(json::serialize(expected), json::serialize(actual)) << path;
  }
}

TEST(RuleCases, ClockTimelines) {
  const auto& cal = vn_calendar();
  int replayed = 0;
  for (const auto& entry : fs::directory_iterator(kCases / "clock")) {
    if (entry.path().extension() != ".json") continue;
    SCOPED_TRACE(entry.path().filename().string());
    std::ifstream in(entry.path());
    std::stringstream text;
    text << in.rdbuf();
    const json::value doc = json::parse(text.str());
    const auto input = codec::parse_clock_input(json::serialize(doc.at("input")), 420);
    ASSERT_TRUE(input) << input.error();
    const auto report = clock::replay(cal, *input);
    ASSERT_TRUE(report) << report.error().message;
    expect_subset(doc.at("expect"), codec::clock_report_to_json(*report, 420), "report");
    ++replayed;
  }
  EXPECT_GE(replayed, 15);
}

}  // namespace
}  // namespace motcua
