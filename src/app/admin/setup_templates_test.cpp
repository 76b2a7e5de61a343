// The default process template of data/templates: its budgets are fitted to each procedure's legal
// limit (working days in hours, calendar days in whole days), and a limit too short to hold the
// fixed steps is refused rather than saved as an invalid process.
#include "app/admin/setup_templates.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <iterator>

#include "domain/process/validation.hpp"

namespace motcua::app {
namespace {

using clock::LimitUnit;

codec::ProcessTemplate project_template() {
  std::ifstream in(std::string(MOTCUA_SOURCE_DIR) + "/data/templates/internal-process.json");
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  auto parsed = codec::parse_process_template(text);
  EXPECT_TRUE(parsed) << parsed.error();
  return parsed.value_or(codec::ProcessTemplate{});
}

TEST(ProcessTemplate, WorkingDaysGoToProcessingAfterTheFixedSteps) {
  const auto p = process_from_template(project_template(), "1.000894", "commune-14329",
                                       {5, LimitUnit::working_days});
  ASSERT_TRUE(p) << p.error();
  EXPECT_EQ(p->id, "1.000894@commune-14329");
  ASSERT_EQ(p->steps.size(), 4u);
  EXPECT_EQ(p->steps[0].budget, (clock::TimeLimit{1, LimitUnit::working_hours}));
  EXPECT_EQ(p->steps[1].id, "tham-dinh");
  EXPECT_EQ(p->steps[1].budget, (clock::TimeLimit{36, LimitUnit::working_hours}));  // 40 - 4
  EXPECT_TRUE(process::validate(*p).empty());
}

TEST(ProcessTemplate, CalendarDaysAreSplitInWholeDays) {
  const auto p = process_from_template(project_template(), "2.000001", "province-37",
                                       {15, LimitUnit::calendar_days});
  ASSERT_TRUE(p) << p.error();
  EXPECT_EQ(p->steps[0].budget, (clock::TimeLimit{1, LimitUnit::calendar_days}));
  EXPECT_EQ(p->steps[1].budget, (clock::TimeLimit{12, LimitUnit::calendar_days}));
}

TEST(ProcessTemplate, ALimitThatLeavesNothingForProcessingIsRefused) {
  const auto p = process_from_template(project_template(), "2.001159", "province-37",
                                       {4, LimitUnit::working_hours});
  ASSERT_FALSE(p);
  EXPECT_NE(p.error().find("tham-dinh"), std::string::npos);
}

TEST(ProcessTemplate, UnknownKeysAndMissingRemainderStepAreRefused) {
  EXPECT_FALSE(codec::parse_process_template(R"({"levels":{"commune":"commune"},"typo":1})"));
  EXPECT_FALSE(codec::parse_unit_templates(R"({"units":[{"agency_kind":"commune"}]})"));
}

}  // namespace
}  // namespace motcua::app
