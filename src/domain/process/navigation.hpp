// Moving a dossier through its process: which actions the current step offers (the buttons the
// officer sees) and where each leads. The process is assumed valid (validate()); an unknown step
// or an action the step does not offer is still refused with a typed error, never trusted.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "domain/process/process.hpp"
#include "tl/expected.hpp"

namespace motcua::process {

enum class MoveKind {
  to_step,  // the dossier moves to `step_id`
  stay,     // it stays at the current step: waiting for papers or for a consulted agency
  end,      // the process is over
};

struct Move {
  MoveKind kind = MoveKind::stay;
  std::string step_id;  // to_step: the next step; stay: the current step; end: empty
  friend bool operator==(const Move&, const Move&) = default;
};

enum class MoveErrorCode {
  unknown_step,        // the current step is not in the process
  action_not_allowed,  // the step does not offer this action (to this target)
  ambiguous_target,    // the step offers the action to several steps and none was named
  // Enforcement on dossiers (enforcement.hpp):
  unknown_target,     // the named step is not in the process
  step_not_next,      // the named step is not reached from the current one by such an edge
  step_required,      // no step was named and none follows by itself
  decision_not_here,  // the current step does not offer this decision
  return_not_here,    // the result is not returned at the step the decision led to
};

std::string_view to_string(MoveErrorCode code);

struct MoveError {
  MoveErrorCode code = MoveErrorCode::unknown_step;
  std::string message_vi;
  std::string message_en;
};

// The actions offered at `step_id`, in the order the process lists them.
tl::expected<std::vector<Action>, MoveError> allowed_actions(const ProcessDefinition& process,
                                                             std::string_view step_id);

// Where taking `kind` at `current_step` leads. `target` picks among several actions of the same
// kind (two forward targets, say); it may be left empty when the step offers the kind once.
tl::expected<Move, MoveError> next_step(const ProcessDefinition& process,
                                        std::string_view current_step, ActionKind kind,
                                        std::string_view target = {});
// The same for an action as allowed_actions() lists it.
tl::expected<Move, MoveError> next_step(const ProcessDefinition& process,
                                        std::string_view current_step, const Action& action);

}  // namespace motcua::process
