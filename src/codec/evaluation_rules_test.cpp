// The data file of record and the domain's defaults state the same thresholds, so a server started
// without the file scores exactly as one with it.
#include "codec/evaluation_rules.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace motcua::codec {
namespace {

TEST(EvaluationRules, TheDataFileStatesTheCircularsThresholds) {
  std::ifstream in(std::string(MOTCUA_SOURCE_DIR) + "/data/evaluation/nine-indices.json");
  std::ostringstream text;
  text << in.rdbuf();
  const auto rules = parse_evaluation_rules(text.str());
  ASSERT_TRUE(rules) << rules.error();
  EXPECT_EQ(*rules, evaluation::Rules{});
  EXPECT_EQ(rules->official_full_tenths, 50);
  EXPECT_EQ(rules->unit_average_tenths, 60);
}

TEST(EvaluationRules, AMissingThresholdIsRefused) {
  const auto rules = parse_evaluation_rules(R"({"feedback": {"full_percent": 100}})");
  ASSERT_FALSE(rules);
  EXPECT_EQ(rules.error(), "feedback.partial_percent is missing or not 0..1000");
}

}  // namespace
}  // namespace motcua::codec
