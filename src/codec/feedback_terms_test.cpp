#include "codec/feedback_terms.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace motcua::codec {
namespace {

TEST(FeedbackTerms, TheInstallationFileGivesNinhBinhsTenDayAnswer) {
  std::ifstream in(std::string(MOTCUA_SOURCE_DIR) + "/data/templates/feedback-terms.json");
  std::ostringstream text;
  text << in.rdbuf();
  const auto terms = parse_feedback_terms(text.str());
  ASSERT_TRUE(terms) << terms.error();
  EXPECT_EQ(terms->answer, 10);
  EXPECT_EQ(terms->reject, 2);
  EXPECT_EQ(terms->ask, 5);
  EXPECT_EQ(terms->forward, 5);
  EXPECT_EQ(terms->publish, 2);
}

TEST(FeedbackTerms, MissingKeysKeepTheNationalLimitsAndBadOnesAreRefused) {
  EXPECT_EQ(parse_feedback_terms("{}")->answer, 15);
  EXPECT_FALSE(parse_feedback_terms(R"({"answer_working_days": 0})"));
  EXPECT_FALSE(parse_feedback_terms(R"({"answer_working_days": "10"})"));
  EXPECT_FALSE(parse_feedback_terms("[]"));
}

}  // namespace
}  // namespace motcua::codec
