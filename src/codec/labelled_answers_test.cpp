// The generic-answer detector must not regress on its labelled set: the cross-validated precision
// and recall measured when it was tuned (docs/rules.md section 10) are floors.
#include "codec/labelled_answers.hpp"

#include <gtest/gtest.h>

#include "domain/engagement/generic_answer_eval.hpp"

namespace motcua::codec {
namespace {

// Measured when the detector was tuned (docs/rules.md section 10), rounded down.
constexpr double kPrecisionFloor = 0.95;
constexpr double kRecallFloor = 0.95;

const std::filesystem::path kDir = std::filesystem::path(MOTCUA_SOURCE_DIR) / "data" / "feedback";

TEST(LabelledAnswers, TheSetIsWellFormedAndLargeEnough) {
  const auto items = read_labelled_answers(kDir / "labelled_answers.jsonl");
  ASSERT_TRUE(items) << items.error();
  EXPECT_GE(items->size(), 60u);
  int published = 0;
  int generic = 0;
  for (const auto& i : *items) {
    published += i.derived ? 0 : 1;
    generic += i.generic ? 1 : 0;
    EXPECT_FALSE(i.source.empty()) << i.id;
  }
  EXPECT_GE(published, 10);
  EXPECT_GE(generic, 20);
  EXPECT_FALSE(parse_labelled_answers("{\"id\":\"x\",\"answer\":\"a\",\"label\":\"maybe\"}"));
}

TEST(LabelledAnswers, DetectorPrecisionAndRecallStayAboveTheMeasuredFloor) {
  const auto items = read_labelled_answers(kDir / "labelled_answers.jsonl");
  ASSERT_TRUE(items) << items.error();
  const auto boilerplate = read_boilerplate(kDir / "boilerplate.txt");
  ASSERT_TRUE(boilerplate) << boilerplate.error();
  const auto e = engagement::evaluate_detector(*items, *boilerplate);
  EXPECT_GE(e.cross_validated.precision(), kPrecisionFloor);
  EXPECT_GE(e.cross_validated.recall(), kRecallFloor);
  EXPECT_GE(e.at_shipped.precision(), kPrecisionFloor);
  EXPECT_GE(e.at_shipped.recall(), kRecallFloor);
}

}  // namespace
}  // namespace motcua::codec
