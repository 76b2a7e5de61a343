#include "api/tracking_answers.hpp"

#include <gtest/gtest.h>

namespace motcua::api {
namespace {

http::HttpResponse answer(const std::string& body) { return http::HttpResponse::text(200, body); }

TEST(TrackingAnswers, AnAnswerIsFoundOnlyForTheVersionAndOffsetItWasRenderedAt) {
  TrackingAnswers answers;
  answers.keep("d_1", 3, 420, answer("v3"));
  ASSERT_NE(answers.find("d_1", 3, 420), nullptr);
  EXPECT_EQ(answers.find("d_1", 3, 420)->body, "v3");
  EXPECT_EQ(answers.find("d_1", 4, 420), nullptr);  // changed since
  EXPECT_EQ(answers.find("d_1", 3, 0), nullptr);    // another calendar's offset
  EXPECT_EQ(answers.find("d_2", 3, 420), nullptr);
}

TEST(TrackingAnswers, ANewerVersionReplacesTheOlderAndAnOlderNeverTheNewer) {
  TrackingAnswers answers;
  answers.keep("d_1", 3, 420, answer("v3"));
  answers.keep("d_1", 5, 420, answer("v5"));
  // A reader that rendered version 4 in a transaction begun before the change finishes last.
  answers.keep("d_1", 4, 420, answer("v4"));
  EXPECT_EQ(answers.find("d_1", 3, 420), nullptr);
  EXPECT_EQ(answers.find("d_1", 4, 420), nullptr);
  ASSERT_NE(answers.find("d_1", 5, 420), nullptr);
  EXPECT_EQ(answers.find("d_1", 5, 420)->body, "v5");
  EXPECT_EQ(answers.size(), 1u);
}

TEST(TrackingAnswers, NeverHoldsMoreDossiersThanItsCapacity) {
  TrackingAnswers answers(8);
  for (int i = 0; i < 100; ++i) answers.keep("d_" + std::to_string(i), 1, 420, answer("x"));
  EXPECT_EQ(answers.size(), 8u);
  // The last one kept is there; a kept answer handed out stays valid after it is dropped.
  const auto last = answers.find("d_99", 1, 420);
  ASSERT_NE(last, nullptr);
  for (int i = 100; i < 120; ++i) answers.keep("d_" + std::to_string(i), 1, 420, answer("y"));
  EXPECT_EQ(last->body, "x");
  EXPECT_EQ(TrackingAnswers(0).size(), 0u);
}

}  // namespace
}  // namespace motcua::api
