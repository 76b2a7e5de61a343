// The two realistic processes of process_test_support.hpp, walked end to end.
#include <gtest/gtest.h>

#include "domain/process/navigation.hpp"
#include "domain/process/process_graph.hpp"
#include "domain/process/process_test_support.hpp"
#include "domain/process/validation.hpp"

namespace motcua::process {
namespace {

using namespace test_support;
using enum ActionKind;

// Takes `kind` at `step` and returns the step it leads to; fails the test on an error.
std::string take(const ProcessDefinition& p, const std::string& step, ActionKind kind,
                 std::string_view target = {}) {
  const auto move = next_step(p, step, kind, target);
  EXPECT_TRUE(move.has_value()) << step << " " << to_string(kind);
  return move ? move->step_id : std::string();
}

TEST(BirthRegistration, MainPathIsOneWorkingDay) {
  const auto p = birth_registration();
  EXPECT_TRUE(validate(p).empty());
  const auto path = main_path(p);
  ASSERT_TRUE(path.has_value());
  EXPECT_EQ(path->step_ids,
            (std::vector<std::string>{"receive", "review", "draft", "decide", "return"}));
  EXPECT_EQ(path->minutes, 480);
  EXPECT_TRUE(is_terminal(*find_step(p, "return")));
  EXPECT_FALSE(is_terminal(*find_step(p, "decide")));  // the decision goes on to "return"
}

TEST(BirthRegistration, SentBackOnceThenApproved) {
  const auto p = birth_registration();
  std::string at = take(p, "receive", forward);
  EXPECT_EQ(next_step(p, at, request_supplement), (Move{MoveKind::stay, "review"}));
  at = take(p, at, forward);
  EXPECT_EQ(at, "draft");
  at = take(p, at, send_back);  // the draft needs another look
  EXPECT_EQ(at, "review");
  at = take(p, take(p, at, forward), forward);
  EXPECT_EQ(at, "decide");
  at = take(p, at, approve);
  EXPECT_EQ(at, "return");
  EXPECT_EQ(next_step(p, at, return_result), (Move{MoveKind::end, ""}));
}

TEST(HanoiQttp20, FifteenStepsThirtyWorkingDays) {
  const auto p = hanoi_qttp20();
  EXPECT_EQ(p.steps.size(), 15u);
  EXPECT_TRUE(validate(p).empty());
  const auto path = main_path(p);
  ASSERT_TRUE(path.has_value());
  EXPECT_EQ(path->step_ids.size(), 15u);
  EXPECT_EQ(path->minutes, 30 * kMinutesPerWorkingDay);  // the decision's "240 giờ"
  // The seven days at the City People's Committee (steps 6 to 13).
  std::int64_t city = 0;
  for (std::size_t i = 5; i < 13; ++i) {
    city += *budget_minutes(p.steps[i].budget, p.legal_limit.unit);
  }
  EXPECT_EQ(city, 7 * kMinutesPerWorkingDay);
}

TEST(HanoiQttp20, ApprovalWalksEveryStep) {
  const auto p = hanoi_qttp20();
  std::string at = p.steps.front().id;
  int visited = 1;
  while (true) {
    const auto actions = allowed_actions(p, at);
    ASSERT_TRUE(actions.has_value());
    const ActionKind kind = at == "s12" ? approve : actions->front().kind;
    const auto move = next_step(p, at, kind);
    ASSERT_TRUE(move.has_value()) << at;
    if (move->kind == MoveKind::end) break;
    ASSERT_EQ(move->kind, MoveKind::to_step) << at;
    at = move->step_id;
    ++visited;
  }
  EXPECT_EQ(at, "s15");
  EXPECT_EQ(visited, 15);
}

TEST(HanoiQttp20, RefusalByTheDepartmentSkipsTheCity) {
  const auto p = hanoi_qttp20();
  EXPECT_EQ(take(p, "s05", refuse), "s15");
  EXPECT_EQ(take(p, "s12", send_back), "s11");
  EXPECT_EQ(take(p, "s12", refuse), "s13");
  const auto at_desk = allowed_actions(p, "s15");
  ASSERT_TRUE(at_desk.has_value());
  EXPECT_EQ(*at_desk, (std::vector<Action>{{return_result, ""}}));
}

}  // namespace
}  // namespace motcua::process
