#include "domain/process/validation.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <stdexcept>

#include "domain/process/process_test_support.hpp"

namespace motcua::process {
namespace {

using namespace test_support;
using enum ProblemCode;

std::vector<ProblemCode> codes(const ProcessDefinition& p) {
  std::vector<ProblemCode> out;
  for (const Problem& problem : validate(p)) {
    EXPECT_FALSE(problem.message_vi.empty()) << to_string(problem.code);
    EXPECT_FALSE(problem.message_en.empty()) << to_string(problem.code);
    out.push_back(problem.code);
  }
  return out;
}

bool has(const ProcessDefinition& p, ProblemCode code, std::string_view step_id) {
  const auto problems = validate(p);
  return std::any_of(problems.begin(), problems.end(), [&](const Problem& problem) {
    return problem.code == code && problem.step_id == step_id;
  });
}

Step& step(ProcessDefinition& p, std::string_view id) {
  for (Step& s : p.steps) {
    if (s.id == id) return s;
  }
  throw std::logic_error("no step " + std::string(id));
}

TEST(ProcessValidation, ExamplesAreValid) {
  EXPECT_TRUE(validate(birth_registration()).empty());
  EXPECT_TRUE(validate(hanoi_qttp20()).empty());
}

TEST(ProcessValidation, ProblemCodesHaveStableDistinctNames) {
  std::set<std::string_view> names;
  for (ProblemCode code : kAllProblemCodes) {
    EXPECT_EQ(parse_problem_code(to_string(code)), code);
    names.insert(to_string(code));
  }
  EXPECT_EQ(names.size(), kAllProblemCodes.size());
  EXPECT_EQ(to_string(budget_total_mismatch), "budget_total_mismatch");
}

TEST(ProcessValidation, HeaderFields) {
  auto p = birth_registration();
  p.id.clear();
  p.procedure_code.clear();
  p.agency_id.clear();
  p.version = 0;
  EXPECT_EQ(codes(p), (std::vector{empty_field, empty_field, empty_field, invalid_version}));
}

TEST(ProcessValidation, NegativeLimit) {
  auto p = birth_registration();
  p.legal_limit.amount = -1;
  EXPECT_EQ(codes(p), std::vector{invalid_limit});
}

TEST(ProcessValidation, NoSteps) {
  auto p = birth_registration();
  p.steps.clear();
  EXPECT_EQ(codes(p), std::vector{no_steps});
}

TEST(ProcessValidation, StepIds) {
  auto p = birth_registration();
  p.steps.push_back(p.steps.back());  // a second "return", never reached
  p.steps.push_back(p.steps.back());
  p.steps.back().id.clear();
  const auto found = validate(p);
  EXPECT_TRUE(has(p, duplicate_step_id, "return"));
  EXPECT_TRUE(has(p, empty_step_id, ""));
  EXPECT_EQ(found[0].code, duplicate_step_id);
  EXPECT_EQ(found[1].code, empty_step_id);
  EXPECT_NE(found[1].message_en.find("step number 7"), std::string::npos);
}

TEST(ProcessValidation, StepNameAndResponsible) {
  auto p = birth_registration();
  step(p, "review").name.clear();
  step(p, "decide").responsible = {};
  EXPECT_EQ(codes(p), (std::vector{empty_step_name, no_responsible}));
  EXPECT_TRUE(has(p, empty_step_name, "review"));
  EXPECT_TRUE(has(p, no_responsible, "decide"));

  auto unit_only = birth_registration();
  step(unit_only, "decide").responsible = {std::nullopt, "commune-00004"};
  EXPECT_TRUE(validate(unit_only).empty());
}

TEST(ProcessValidation, NegativeBudget) {
  auto p = birth_registration();
  step(p, "review").budget = hours(-1);
  EXPECT_EQ(codes(p), std::vector{invalid_budget});
}

TEST(ProcessValidation, CalendarDaysOnOneSideOnly) {
  auto p = birth_registration();
  step(p, "review").budget = {3, clock::LimitUnit::calendar_days};
  EXPECT_EQ(codes(p), std::vector{budget_unit_mismatch});

  auto q = birth_registration();
  q.legal_limit = {1, clock::LimitUnit::calendar_days};
  EXPECT_EQ(codes(q), std::vector<ProblemCode>(5, budget_unit_mismatch));
}

TEST(ProcessValidation, CalendarDayProcess) {
  auto p = birth_registration();
  p.legal_limit = {15, clock::LimitUnit::calendar_days};
  const std::int64_t days[] = {1, 7, 2, 4, 1};
  for (std::size_t i = 0; i < p.steps.size(); ++i) {
    p.steps[i].budget = {days[i], clock::LimitUnit::calendar_days};
  }
  EXPECT_TRUE(validate(p).empty());
  p.steps[1].budget.amount = 8;
  EXPECT_EQ(codes(p), std::vector{budget_total_mismatch});
  EXPECT_NE(validate(p)[0].message_en.find("add up to 16 days, not the legal limit of 15 days"),
            std::string::npos);
}

TEST(ProcessValidation, StepWithoutActions) {
  auto p = birth_registration();
  step(p, "return").actions.clear();
  EXPECT_TRUE(has(p, no_actions, "return"));
  EXPECT_TRUE(has(p, no_end, "receive"));  // nothing ends the process any more
}

TEST(ProcessValidation, Targets) {
  auto p = birth_registration();
  step(p, "receive").actions.push_back({ActionKind::forward, ""});
  step(p, "review").actions.push_back({ActionKind::consult, "draft"});
  step(p, "review").actions.push_back({ActionKind::forward, "nowhere"});
  EXPECT_EQ(codes(p), (std::vector{missing_target, unexpected_target, unknown_target}));
  EXPECT_NE(validate(p)[2].message_en.find("'nowhere'"), std::string::npos);

  auto q = birth_registration();
  step(q, "draft").actions.push_back({ActionKind::send_back, ""});
  step(q, "return").actions[0].target = "receive";
  EXPECT_EQ(codes(q), (std::vector{missing_target, unexpected_target}));
}

TEST(ProcessValidation, DuplicateAction) {
  auto p = birth_registration();
  step(p, "review").actions.push_back({ActionKind::request_supplement, ""});
  EXPECT_EQ(codes(p), std::vector{duplicate_action});
  // The same kind to different targets is a choice, not a duplicate.
  auto q = birth_registration();
  step(q, "review").actions.push_back({ActionKind::send_back, "draft"});
  EXPECT_FALSE(has(q, duplicate_action, "review"));
}

TEST(ProcessValidation, SendBackGoesToAnEarlierStep) {
  auto p = birth_registration();
  step(p, "draft").actions.push_back({ActionKind::send_back, "decide"});   // later
  step(p, "review").actions.push_back({ActionKind::send_back, "review"});  // itself
  EXPECT_EQ(codes(p), (std::vector{send_back_not_earlier, send_back_not_earlier}));
  EXPECT_TRUE(has(p, send_back_not_earlier, "draft"));
  EXPECT_TRUE(has(p, send_back_not_earlier, "review"));
}

TEST(ProcessValidation, MovingOnMustNotCycle) {
  auto p = birth_registration();
  step(p, "decide").actions.push_back({ActionKind::forward, "review"});
  EXPECT_EQ(codes(p), std::vector{forward_cycle});  // reported once, no budget total
  EXPECT_NE(validate(p)[0].message_en.find("review → draft → decide"), std::string::npos);

  auto self = birth_registration();
  step(self, "draft").actions.push_back({ActionKind::forward, "draft"});
  EXPECT_TRUE(has(self, forward_cycle, "draft"));
}

TEST(ProcessValidation, UnreachableStep) {
  auto p = birth_registration();
  p.steps.push_back(make_step("orphan", "Lưu trữ", "Archive", dossier::Role::processing, "",
                              hours(1), {to(ActionKind::return_result)}));
  EXPECT_EQ(codes(p), std::vector{unreachable_step});
  EXPECT_TRUE(has(p, unreachable_step, "orphan"));
}

TEST(ProcessValidation, EveryPathEnds) {
  auto p = birth_registration();
  p.steps.push_back(make_step("trap", "Chờ ý kiến", "Wait for opinions", dossier::Role::processing,
                              "", hours(0), {to(ActionKind::consult)}));
  step(p, "review").actions.push_back({ActionKind::forward, "trap"});
  EXPECT_EQ(codes(p), std::vector{no_end});
  EXPECT_TRUE(has(p, no_end, "trap"));

  // A way back out is enough.
  step(p, "trap").actions.push_back({ActionKind::send_back, "review"});
  EXPECT_TRUE(validate(p).empty());
}

TEST(ProcessValidation, AtLeastOneApproval) {
  auto p = birth_registration();
  auto& actions = step(p, "decide").actions;
  actions.erase(actions.begin());  // only refuse is left
  EXPECT_EQ(codes(p), std::vector{no_approve});
}

TEST(ProcessValidation, NoResultBeforeTheDecision) {
  auto p = birth_registration();
  step(p, "review").actions.push_back({ActionKind::return_result, ""});
  EXPECT_EQ(codes(p), std::vector{return_before_decision});
  EXPECT_TRUE(has(p, return_before_decision, "review"));
}

TEST(ProcessValidation, NoReviewAfterTheDecision) {
  auto p = birth_registration();
  step(p, "return").actions.push_back({ActionKind::request_supplement, ""});
  step(p, "return").actions.push_back({ActionKind::approve, ""});
  EXPECT_EQ(codes(p), (std::vector{action_after_decision, action_after_decision}));
}

TEST(ProcessValidation, NoStepOnBothSidesOfTheDecision) {
  auto p = birth_registration();
  step(p, "review").actions.push_back({ActionKind::forward, "return"});
  EXPECT_EQ(codes(p), std::vector{mixed_phase});
  EXPECT_TRUE(has(p, mixed_phase, "return"));
}

TEST(ProcessValidation, DecisionWithoutTargetEndsTheProcess) {
  auto p = birth_registration();
  p.steps.pop_back();  // no "return" step: the decision ends the process
  for (Action& action : step(p, "decide").actions) {
    if (action.kind != ActionKind::send_back) action.target.clear();
  }
  step(p, "decide").budget = hours(3);
  EXPECT_TRUE(validate(p).empty());
}

TEST(ProcessValidation, BudgetsMustAddUpToTheLimit) {
  auto p = birth_registration();
  step(p, "review").budget = hours(4);
  ASSERT_EQ(codes(p), std::vector{budget_total_mismatch});
  const Problem problem = validate(p)[0];
  EXPECT_EQ(problem.step_id, "");
  EXPECT_EQ(problem.message_en,
            "the budgets along the longest path (receive → review → draft → decide → return) add "
            "up to 1 working day 1 working hour, not the legal limit of 1 working day");
  EXPECT_NE(problem.message_vi.find("1 ngày 1 giờ làm việc"), std::string::npos);

  // Less than the limit is an error too: the rest would belong to no step.
  step(p, "review").budget = hours(2);
  EXPECT_EQ(codes(p), std::vector{budget_total_mismatch});
}

TEST(ProcessValidation, TheLongestPathCounts) {
  // A shortcut that skips "draft" is shorter and fine; a detour that adds a step must still fit.
  auto p = birth_registration();
  step(p, "review").actions.push_back({ActionKind::forward, "decide"});
  EXPECT_TRUE(validate(p).empty());
  p.steps.insert(p.steps.begin() + 2,
                 make_step("verify", "Xác minh", "Verify", dossier::Role::processing, "", hours(2),
                           {to(ActionKind::forward, "draft")}));
  step(p, "review").actions.push_back({ActionKind::forward, "verify"});
  EXPECT_EQ(codes(p), std::vector{budget_total_mismatch});
}

TEST(ProcessValidation, HanoiBudgetOffByOneDay) {
  auto p = hanoi_qttp20();
  step(p, "s09").budget = working_days(2);
  ASSERT_EQ(codes(p), std::vector{budget_total_mismatch});
  EXPECT_NE(validate(p)[0].message_en.find("add up to 29 working days, not the legal limit of 30 "
                                           "working days"),
            std::string::npos);
}

TEST(ProcessValidation, EveryProblemAtOnce) {
  auto p = birth_registration();
  p.version = 0;
  step(p, "receive").name.clear();
  step(p, "draft").actions.push_back({ActionKind::send_back, "draft"});
  step(p, "review").budget = hours(9);
  EXPECT_EQ(codes(p), (std::vector{invalid_version, empty_step_name, send_back_not_earlier,
                                   budget_total_mismatch}));
}

TEST(DescribeMinutes, ReadsLikeALimit) {
  using clock::LimitUnit;
  EXPECT_EQ(describe_minutes_en(14400, LimitUnit::working_days), "30 working days");
  EXPECT_EQ(describe_minutes_vi(14400, LimitUnit::working_days), "30 ngày làm việc");
  EXPECT_EQ(describe_minutes_en(545, LimitUnit::working_hours),
            "1 working day 1 working hour 5 minutes");
  EXPECT_EQ(describe_minutes_vi(545, LimitUnit::working_hours), "1 ngày 1 giờ 5 phút làm việc");
  EXPECT_EQ(describe_minutes_en(0, LimitUnit::working_hours), "0 working hours");
  EXPECT_EQ(describe_minutes_vi(0, LimitUnit::working_days), "0 giờ làm việc");
  EXPECT_EQ(describe_minutes_en(1440, LimitUnit::calendar_days), "1 day");
  EXPECT_EQ(describe_minutes_vi(2880, LimitUnit::calendar_days), "2 ngày");
}

}  // namespace
}  // namespace motcua::process
