#include "domain/process/navigation.hpp"

#include <gtest/gtest.h>

#include <set>

#include "domain/process/process_graph.hpp"
#include "domain/process/process_test_support.hpp"
#include "domain/process/validation.hpp"

namespace motcua::process {
namespace {

using namespace test_support;
using enum ActionKind;

TEST(ActionKinds, NamesLabelsAndCommands) {
  std::set<std::string_view> names;
  for (ActionKind kind : kAllActionKinds) {
    EXPECT_EQ(parse_action_kind(to_string(kind)), kind);
    EXPECT_FALSE(label_vi(kind).empty());
    EXPECT_FALSE(label_en(kind).empty());
    names.insert(to_string(kind));
  }
  EXPECT_EQ(names.size(), kAllActionKinds.size());
  EXPECT_FALSE(parse_action_kind("reject").has_value());
  EXPECT_EQ(command_of(forward), dossier::CommandKind::forward);
  EXPECT_EQ(command_of(send_back), dossier::CommandKind::send_back);
  EXPECT_EQ(command_of(request_supplement), dossier::CommandKind::request_supplement);
  EXPECT_EQ(command_of(consult), dossier::CommandKind::consult);
  EXPECT_EQ(command_of(approve), dossier::CommandKind::approve);
  EXPECT_EQ(command_of(refuse), dossier::CommandKind::reject_after_review);
  EXPECT_EQ(command_of(return_result), dossier::CommandKind::return_result);
}

TEST(ActionKinds, WhatEndsTheProcess) {
  EXPECT_TRUE(ends_process(approve, false));
  EXPECT_FALSE(ends_process(approve, true));
  EXPECT_TRUE(ends_process(refuse, false));
  EXPECT_FALSE(ends_process(refuse, true));
  EXPECT_TRUE(ends_process(return_result, false));
  EXPECT_FALSE(ends_process(forward, true));
  EXPECT_FALSE(ends_process(consult, false));
  EXPECT_EQ(target_rule(forward), TargetRule::required);
  EXPECT_EQ(target_rule(approve), TargetRule::optional);
  EXPECT_EQ(target_rule(consult), TargetRule::forbidden);
}

TEST(BudgetMinutes, ConvertsAtFourHundredEightyMinutesADay) {
  using clock::LimitUnit;
  EXPECT_EQ(budget_minutes(working_days(30), LimitUnit::working_days), 14400);
  EXPECT_EQ(budget_minutes(hours(4), LimitUnit::working_days), 240);
  EXPECT_EQ(budget_minutes(working_days(1), LimitUnit::working_hours), 480);
  EXPECT_EQ(budget_minutes({2, LimitUnit::calendar_days}, LimitUnit::calendar_days), 2880);
  EXPECT_FALSE(budget_minutes({2, LimitUnit::calendar_days}, LimitUnit::working_days));
  EXPECT_FALSE(budget_minutes(hours(2), LimitUnit::calendar_days));
}

TEST(AllowedActions, AreTheStepsActionsInOrder) {
  const auto p = birth_registration();
  const auto actions = allowed_actions(p, "decide");
  ASSERT_TRUE(actions.has_value());
  EXPECT_EQ(*actions,
            (std::vector<Action>{{approve, "return"}, {refuse, "return"}, {send_back, "review"}}));
  const auto unknown = allowed_actions(p, "nowhere");
  ASSERT_FALSE(unknown.has_value());
  EXPECT_EQ(unknown.error().code, MoveErrorCode::unknown_step);
  EXPECT_NE(unknown.error().message_vi.find("'nowhere'"), std::string::npos);
}

TEST(NextStep, WhereEachActionLeads) {
  const auto p = birth_registration();
  EXPECT_EQ(next_step(p, "receive", forward), (Move{MoveKind::to_step, "review"}));
  EXPECT_EQ(next_step(p, "receive", forward, "review"), (Move{MoveKind::to_step, "review"}));
  EXPECT_EQ(next_step(p, "receive", request_supplement), (Move{MoveKind::stay, "receive"}));
  EXPECT_EQ(next_step(p, "review", send_back), (Move{MoveKind::to_step, "receive"}));
  EXPECT_EQ(next_step(p, "decide", approve), (Move{MoveKind::to_step, "return"}));
  EXPECT_EQ(next_step(p, "decide", refuse), (Move{MoveKind::to_step, "return"}));
  EXPECT_EQ(next_step(p, "return", return_result), (Move{MoveKind::end, ""}));
  EXPECT_EQ(next_step(p, "decide", Action{send_back, "review"}),
            (Move{MoveKind::to_step, "review"}));

  const auto q = hanoi_qttp20();
  EXPECT_EQ(next_step(q, "s03", consult), (Move{MoveKind::stay, "s03"}));
}

TEST(NextStep, DecisionWithoutTargetEnds) {
  auto p = birth_registration();
  p.steps[3].actions = {{approve, ""}, {refuse, ""}};
  EXPECT_EQ(next_step(p, "decide", approve), (Move{MoveKind::end, ""}));
  EXPECT_EQ(next_step(p, "decide", refuse), (Move{MoveKind::end, ""}));
}

TEST(NextStep, RefusesWhatTheStepDoesNotOffer) {
  const auto p = birth_registration();
  const auto approve_at_desk = next_step(p, "receive", approve);
  ASSERT_FALSE(approve_at_desk.has_value());
  EXPECT_EQ(approve_at_desk.error().code, MoveErrorCode::action_not_allowed);
  EXPECT_EQ(approve_at_desk.error().message_en, "step 'receive' does not allow approve");
  EXPECT_EQ(approve_at_desk.error().message_vi,
            "Bước 'receive' không cho phép thao tác «Phê duyệt»");
  const auto wrong_target = next_step(p, "receive", forward, "decide");
  ASSERT_FALSE(wrong_target.has_value());
  EXPECT_EQ(wrong_target.error().code, MoveErrorCode::action_not_allowed);
  EXPECT_EQ(next_step(p, "nowhere", forward).error().code, MoveErrorCode::unknown_step);
}

TEST(NextStep, SeveralTargetsNeedANamedOne) {
  auto p = birth_registration();
  p.steps[1].actions.push_back({forward, "decide"});
  const auto ambiguous = next_step(p, "review", forward);
  ASSERT_FALSE(ambiguous.has_value());
  EXPECT_EQ(ambiguous.error().code, MoveErrorCode::ambiguous_target);
  EXPECT_EQ(next_step(p, "review", forward, "decide"), (Move{MoveKind::to_step, "decide"}));
  EXPECT_EQ(next_step(p, "review", forward, "draft"), (Move{MoveKind::to_step, "draft"}));
}

TEST(MoveErrors, HaveNames) {
  EXPECT_EQ(to_string(MoveErrorCode::unknown_step), "unknown_step");
  EXPECT_EQ(to_string(MoveErrorCode::action_not_allowed), "action_not_allowed");
  EXPECT_EQ(to_string(MoveErrorCode::ambiguous_target), "ambiguous_target");
}

}  // namespace
}  // namespace motcua::process
