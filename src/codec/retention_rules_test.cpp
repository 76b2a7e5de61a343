#include "codec/retention_rules.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace motcua::codec {
namespace {

TEST(RetentionRules, TheShippedFileParses) {
  std::ifstream in(std::string(MOTCUA_SOURCE_DIR) + "/data/retention.json");
  ASSERT_TRUE(in);
  std::ostringstream text;
  text << in.rdbuf();
  const auto rules = parse_retention_rules(text.str());
  ASSERT_TRUE(rules) << rules.error();
  EXPECT_EQ(rules->draft_days, 90);
  EXPECT_EQ(rules->sign_in_secret_days, 30);
}

TEST(RetentionRules, AMissingOrZeroPeriodIsRefused) {
  EXPECT_FALSE(parse_retention_rules(R"({"drafts": {"days_since_last_change": 90}})"));
  EXPECT_FALSE(parse_retention_rules(
      R"({"drafts": {"days_since_last_change": 0}, "sign_in_secrets": {"days_after_expiry": 30}})"));
  EXPECT_FALSE(parse_retention_rules("[]"));
}

}  // namespace
}  // namespace motcua::codec
