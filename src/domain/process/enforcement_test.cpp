#include "domain/process/enforcement.hpp"

#include <gtest/gtest.h>

#include "domain/process/process_test_support.hpp"

namespace motcua::process {
namespace {

using namespace test_support;

const auto kAnyone = [](const Step&) { return true; };
const auto kNoOne = [](const Step&) { return false; };

std::vector<std::string> ids(const std::vector<const Step*>& steps) {
  std::vector<std::string> out;
  for (const Step* s : steps) out.push_back(s->id);
  return out;
}

TEST(Enforcement, ADossierWithoutRecordedStepStandsAtTheFirst) {
  const auto p = birth_registration();
  EXPECT_EQ(current_step(p, ""), "receive");
  EXPECT_EQ(current_step(p, "review"), "review");
}

TEST(Enforcement, HandOversFollowEdgesOfTheirKind) {
  const auto p = birth_registration();
  EXPECT_EQ(ids(hand_over_targets(p, "review", HandOver::forward)),
            (std::vector<std::string>{"review", "draft"}));
  EXPECT_EQ(ids(hand_over_targets(p, "review", HandOver::send_back)),
            (std::vector<std::string>{"receive"}));
  // A step recorded before enforcement is no place to move from: any step may be named.
  EXPECT_EQ(hand_over_targets(p, "Thẩm định", HandOver::assign).size(), p.steps.size());
}

TEST(Enforcement, NamedStepsMustBeInTheProcessAndNext) {
  const auto p = birth_registration();
  auto missing = resolve_hand_over(p, "review", HandOver::forward, "buoc-khong-ton-tai", kAnyone);
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code, MoveErrorCode::unknown_target);
  EXPECT_NE(missing.error().message_vi.find("draft (Dự thảo"), std::string::npos);
  auto skipping = resolve_hand_over(p, "receive", HandOver::forward, "decide", kAnyone);
  ASSERT_FALSE(skipping);
  EXPECT_EQ(skipping.error().code, MoveErrorCode::step_not_next);
  auto back_is_not_forward = resolve_hand_over(p, "review", HandOver::forward, "receive", kAnyone);
  EXPECT_FALSE(back_is_not_forward);
  auto back = resolve_hand_over(p, "review", HandOver::send_back, "receive", kAnyone);
  ASSERT_TRUE(back);
  EXPECT_EQ((*back)->id, "receive");
}

TEST(Enforcement, AnUnnamedStepStaysOrTakesTheOnlyWayOn) {
  const auto p = birth_registration();
  auto stay = resolve_hand_over(p, "review", HandOver::forward, "", kAnyone);
  ASSERT_TRUE(stay);
  EXPECT_EQ((*stay)->id, "review");
  auto on = resolve_hand_over(p, "receive", HandOver::assign, "", kNoOne);
  ASSERT_TRUE(on);
  EXPECT_EQ((*on)->id, "review");
  auto ambiguous = resolve_hand_over(p, "decide", HandOver::forward, "", kNoOne);
  ASSERT_FALSE(ambiguous);
  EXPECT_EQ(ambiguous.error().code, MoveErrorCode::step_required);
}

TEST(Enforcement, DecisionsOnlyWhereTheProcessTakesThem) {
  const auto p = birth_registration();
  auto at_reception = decision_move(p, "receive", ActionKind::approve);
  ASSERT_FALSE(at_reception);
  EXPECT_EQ(at_reception.error().code, MoveErrorCode::decision_not_here);
  EXPECT_NE(at_reception.error().message_en.find("decide (Approve)"), std::string::npos);
  EXPECT_EQ(decision_move(p, "decide", ActionKind::approve), std::string("return"));
  EXPECT_TRUE(check_return(p, "decide", ActionKind::approve));
  auto early = check_return(p, "review", ActionKind::approve);
  ASSERT_FALSE(early);
  EXPECT_EQ(early.error().code, MoveErrorCode::return_not_here);
}

}  // namespace
}  // namespace motcua::process
