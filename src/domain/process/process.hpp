// Internal processes (quy trình nội bộ): for one procedure at one agency, the steps a dossier goes
// through between receipt and the return of its result, who is responsible for each, how much of
// the legal time limit each may use, and what may be done at each (Circular 01/2018 Art. 8; the
// Hanoi decisions approving "quy trình nội bộ, quy trình điện tử" list 15 such steps for a
// 30-working-day procedure). Processes are data: they are edited through the API and checked by
// validate() (validation.hpp) before use.
//
// The shape of a process:
//  - the first step is the first in the list: the one a dossier enters on receipt;
//  - `forward` moves the dossier on to a named step, `send_back` returns it to an earlier one;
//  - `request_supplement` asks the applicant for papers and `consult` asks another agency in
//    parallel: the dossier stays at the step;
//  - `approve` and `refuse` are the decision. Without a target they end the process. With a
//    target, the process goes on at that step to issue and hand over the result (the Hanoi
//    example numbers, stamps and sends the decision on after the leader signs); those later steps
//    then end with `return_result`;
//  - a terminal step is one with an ending action (approve or refuse without a target, or
//    return_result).
// Each action maps onto the dossier command it becomes (command_of), so the state machine and the
// process agree on names.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/clock/time_limit.hpp"
#include "domain/dossier/commands.hpp"
#include "domain/dossier/roles.hpp"

namespace motcua::process {

enum class ActionKind {
  forward,
  send_back,
  request_supplement,
  consult,
  approve,
  refuse,
  return_result
};

inline constexpr std::array kAllActionKinds = {
    ActionKind::forward, ActionKind::send_back, ActionKind::request_supplement, ActionKind::consult,
    ActionKind::approve, ActionKind::refuse,    ActionKind::return_result};

std::string_view to_string(ActionKind kind);
std::optional<ActionKind> parse_action_kind(std::string_view name);
// As a button says it.
std::string_view label_vi(ActionKind kind);
std::string_view label_en(ActionKind kind);
// The dossier command an action becomes (refuse becomes reject_after_review: a refusal after
// review, not at the counter).
dossier::CommandKind command_of(ActionKind kind);

// forward and send_back always name a target; approve and refuse may; the others never do.
enum class TargetRule { required, optional, forbidden };
TargetRule target_rule(ActionKind kind);
// Whether taking the action finishes the process.
bool ends_process(ActionKind kind, bool has_target);

struct Action {
  ActionKind kind = ActionKind::forward;
  std::string target;  // a step id, or empty
  friend bool operator==(const Action&, const Action&) = default;
};

// Who does a step: a role of the one-stop model, a unit or agency (by id), or both ("the
// processing official of the Department of Justice").
struct Responsible {
  std::optional<dossier::Role> role;
  std::string unit_id;
  friend bool operator==(const Responsible&, const Responsible&) = default;
};

struct Step {
  std::string id;
  std::string name;     // Vietnamese, as on the control sheet (Form 06)
  std::string name_en;  // may be empty
  Responsible responsible;
  clock::TimeLimit budget;  // the share of the legal limit this step may use
  std::vector<Action> actions;
  friend bool operator==(const Step&, const Step&) = default;
};

struct ProcessDefinition {
  std::string id;
  std::string procedure_code;  // the national catalogue's code, e.g. "1.012644"
  std::string agency_id;       // the competent agency whose process this is
  int version = 1;             // a dossier keeps the version in force when it was received
  clock::TimeLimit legal_limit;
  std::vector<Step> steps;  // steps.front() is the first step
  friend bool operator==(const ProcessDefinition&, const ProcessDefinition&) = default;
};

const Step* find_step(const ProcessDefinition& process, std::string_view step_id);
bool is_terminal(const Step& step);

// Budgets are added in working minutes: a working day is 480 minutes (8:00-12:00, 13:00-17:00,
// docs/rules.md 1.4), a working hour 60. A calendar day cannot be expressed in working time, so
// calendar-day budgets are only comparable with a calendar-day limit; there a day counts 1440.
inline constexpr std::int64_t kMinutesPerWorkingDay = 480;
inline constexpr std::int64_t kMinutesPerWorkingHour = 60;
inline constexpr std::int64_t kMinutesPerCalendarDay = 1440;

// The budget in the minutes of a process whose legal limit is in `limit_unit`; nullopt when the
// two cannot be compared (calendar days on one side only).
std::optional<std::int64_t> budget_minutes(const clock::TimeLimit& budget,
                                           clock::LimitUnit limit_unit);

}  // namespace motcua::process
