// The request decoders of administration and calendar routes: what app receives from a body.
#include "api/json/admin_json.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "api/json/calendar_json.hpp"

namespace motcua::api {
namespace {

namespace json = boost::json;

TEST(AdminJson, AProcessBodyLosesItsReasonAndMayLeaveOutItsVersion) {
  const auto malformed = process_draft_from_json(json::parse(R"({"id": "x", "steps": 3})"));
  EXPECT_FALSE(malformed.definition);
  ASSERT_EQ(malformed.problems.size(), 1u);
  EXPECT_EQ(malformed.problems[0].code, "malformed_process");
  EXPECT_EQ(process_draft_from_json(json::array{}).problems[0].code, "malformed_process");
  EXPECT_EQ(process_draft_from_json(json::parse(R"({"reason": 5})")).problems[0].code,
            "malformed_process");
}

TEST(AdminJson, AgencyEditsKeepTheFirstFieldProblemAndTheStringExpectations) {
  const auto edit = agency_edit_from_json(json::parse(R"({"name": "", "code": 5, "reason": "r",
                                             "expected": {"name": "A", "code": 7}})"));
  ASSERT_TRUE(edit.field_error);
  EXPECT_EQ(edit.field_error->detail, "'name' must be a non-empty string (at most 200)");
  EXPECT_EQ(edit.expected, (std::map<std::string, std::string>{{"name", "A"}}));
  EXPECT_EQ(edit.reason, "r");
  EXPECT_TRUE(agency_edit_from_json(json::parse(R"({"expected": []})")).expected_not_object);
  EXPECT_TRUE(agency_edit_from_json(json::array{}).field_error);
}

TEST(AdminJson, ANewOfficialIsCheckedInTheOrderOfItsFields) {
  const auto bad_name = new_official_from_json(json::parse(R"({"username": "AB", "grants": 5})"));
  ASSERT_FALSE(bad_name);
  EXPECT_EQ(bad_name.error().code, "invalid_username");
  const auto weak = new_official_from_json(json::parse(
      R"({"username": "new.off", "display_name": "N", "reason": "r", "temporary_password": "x"})"));
  ASSERT_FALSE(weak);
  EXPECT_EQ(weak.error().code, "weak_password");
}

TEST(CalendarJson, ASubmittedYearLeavesTheRequestMembersOutOfItsDocument) {
  const auto year = submitted_year_from_json(json::parse(R"({"year": 2027, "reason": "CV 1",
      "expected_version": 0, "days": [5, {"date": "2027-01-01", "kind": 3, "name": "Tết"}]})"));
  ASSERT_TRUE(year.year);
  EXPECT_EQ(*year.year, 2027);
  ASSERT_EQ(year.days.entries.size(), 2u);
  EXPECT_FALSE(year.days.entries[0].is_object);
  EXPECT_EQ(year.days.entries[1].kind, "");
  EXPECT_FALSE(year.pending.present);
  EXPECT_EQ(year.document.find("reason"), std::string::npos);
  EXPECT_EQ(year.document.find("expected_version"), std::string::npos);
  EXPECT_FALSE(submitted_year_from_json(json::array{}).is_object);
}

}  // namespace
}  // namespace motcua::api
