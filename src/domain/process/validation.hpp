// Checking a process definition before it is used. validate() reports every problem at once, each
// with a stable code for programs, the step it concerns (empty for the process as a whole) and a
// sentence in Vietnamese and English.
//
// The rules, precisely:
//  - the process has an id, a procedure code, an agency, a version >= 1, a limit >= 0, steps;
//  - step ids are non-empty and unique; every step has a Vietnamese name, a responsible role or
//    unit, a budget >= 0 and at least one action;
//  - forward and send_back name a target; request_supplement, consult and return_result do not;
//    every target names a step; no step lists the same action (kind and target) twice;
//  - send_back goes to an earlier step: one from which the sending step can be reached along
//    progress edges (forward and decision targets, process_graph.hpp);
//  - progress edges form no cycle: moving on never returns to a step, only send_back does. This is
//    stricter than "no cycle without an exit" and makes the longest path (below) well defined;
//  - every step can be reached from the first (along any edge), and from every reachable step an
//    ending action can be reached: every path ends;
//  - at least one step can approve;
//  - phases: a step reached before any decision must not return a result (return_before_decision);
//    a step reached after a decision must not request papers, consult or decide again
//    (action_after_decision); no step may be reached both ways (mixed_phase), because a dossier
//    there would not know whether it has been decided;
//  - budgets: calendar-day budgets only with a calendar-day limit and the reverse
//    (budget_unit_mismatch); then the budgets along the longest path from the first step to a
//    terminal step (main_path) add up to exactly the legal limit, in working minutes (480 a day,
//    60 an hour). Exactly, not "at most": a shorter main path leaves time nobody is answerable
//    for on the control sheet, so a province must give it to a step. Shorter side paths (a refusal
//    that skips steps) are fine.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/process/process.hpp"

namespace motcua::process {

enum class ProblemCode {
  empty_field,
  invalid_version,
  invalid_limit,
  no_steps,
  empty_step_id,
  duplicate_step_id,
  empty_step_name,
  no_responsible,
  invalid_budget,
  budget_unit_mismatch,
  no_actions,
  missing_target,
  unexpected_target,
  unknown_target,
  duplicate_action,
  send_back_not_earlier,
  forward_cycle,
  unreachable_step,
  no_end,
  no_approve,
  return_before_decision,
  action_after_decision,
  mixed_phase,
  budget_total_mismatch,
  limit_not_procedure_limit,
  budget_over_procedure_limit,
};

inline constexpr std::array kAllProblemCodes = {
    ProblemCode::empty_field,
    ProblemCode::invalid_version,
    ProblemCode::invalid_limit,
    ProblemCode::no_steps,
    ProblemCode::empty_step_id,
    ProblemCode::duplicate_step_id,
    ProblemCode::empty_step_name,
    ProblemCode::no_responsible,
    ProblemCode::invalid_budget,
    ProblemCode::budget_unit_mismatch,
    ProblemCode::no_actions,
    ProblemCode::missing_target,
    ProblemCode::unexpected_target,
    ProblemCode::unknown_target,
    ProblemCode::duplicate_action,
    ProblemCode::send_back_not_earlier,
    ProblemCode::forward_cycle,
    ProblemCode::unreachable_step,
    ProblemCode::no_end,
    ProblemCode::no_approve,
    ProblemCode::return_before_decision,
    ProblemCode::action_after_decision,
    ProblemCode::mixed_phase,
    ProblemCode::budget_total_mismatch,
    ProblemCode::limit_not_procedure_limit,
    ProblemCode::budget_over_procedure_limit,
};

std::string_view to_string(ProblemCode code);
std::optional<ProblemCode> parse_problem_code(std::string_view name);

struct Problem {
  ProblemCode code = ProblemCode::empty_field;
  std::string step_id;  // empty: the process as a whole
  std::string message_vi;
  std::string message_en;
};

// Empty when the process is valid.
std::vector<Problem> validate(const ProcessDefinition& process);

// A process against the time limits of its procedure (one per submission channel, local terms
// applied; docs/rules.md): its legal limit must equal one of them, since a process names no
// channel and the dossier's clock runs on the procedure's limit, not the process's
// (limit_not_procedure_limit); and no step's budget may exceed the largest of them
// (budget_over_procedure_limit). With no procedure limit known there is nothing to compare.
std::vector<Problem> check_against_procedure(const ProcessDefinition& process,
                                             const std::vector<clock::TimeLimit>& procedure_limits);

// "29 ngày 4 giờ làm việc" / "29 working days 4 hours": minutes from budget_minutes() as people
// read them, in the terms of a limit in `limit_unit`.
std::string describe_minutes_vi(std::int64_t minutes, clock::LimitUnit limit_unit);
std::string describe_minutes_en(std::int64_t minutes, clock::LimitUnit limit_unit);

}  // namespace motcua::process
