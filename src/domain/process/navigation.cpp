#include "domain/process/navigation.hpp"

namespace motcua::process {

namespace {

std::string q(std::string_view s) { return "'" + std::string(s) + "'"; }

MoveError unknown(std::string_view step_id) {
  return {MoveErrorCode::unknown_step, "Quy trình không có bước " + q(step_id),
          "the process has no step " + q(step_id)};
}

}  // namespace

std::string_view to_string(MoveErrorCode code) {
  switch (code) {
    case MoveErrorCode::unknown_step:
      return "unknown_step";
    case MoveErrorCode::action_not_allowed:
      return "action_not_allowed";
    case MoveErrorCode::ambiguous_target:
      return "ambiguous_target";
    case MoveErrorCode::unknown_target:
      return "unknown_target";
    case MoveErrorCode::step_not_next:
      return "step_not_next";
    case MoveErrorCode::step_required:
      return "step_required";
    case MoveErrorCode::decision_not_here:
      return "decision_not_here";
    case MoveErrorCode::return_not_here:
      return "return_not_here";
  }
  return "unknown";
}

tl::expected<std::vector<Action>, MoveError> allowed_actions(const ProcessDefinition& process,
                                                             std::string_view step_id) {
  const Step* step = find_step(process, step_id);
  if (step == nullptr) return tl::unexpected(unknown(step_id));
  return step->actions;
}

tl::expected<Move, MoveError> next_step(const ProcessDefinition& process,
                                        std::string_view current_step, ActionKind kind,
                                        std::string_view target) {
  const Step* step = find_step(process, current_step);
  if (step == nullptr) return tl::unexpected(unknown(current_step));
  const Action* chosen = nullptr;
  int matches = 0;
  for (const Action& action : step->actions) {
    if (action.kind != kind || (!target.empty() && action.target != target)) continue;
    if (chosen == nullptr) chosen = &action;
    ++matches;
  }
  const std::string what_vi =
      "«" + std::string(label_vi(kind)) + "»" + (target.empty() ? "" : " tới bước " + q(target));
  const std::string what_en =
      std::string(to_string(kind)) + (target.empty() ? "" : " to " + q(target));
  if (chosen == nullptr) {
    return tl::unexpected(MoveError{MoveErrorCode::action_not_allowed,
                                    "Bước " + q(step->id) + " không cho phép thao tác " + what_vi,
                                    "step " + q(step->id) + " does not allow " + what_en});
  }
  if (matches > 1) {
    return tl::unexpected(MoveError{
        MoveErrorCode::ambiguous_target,
        "Bước " + q(step->id) + " có nhiều bước đích cho thao tác " + what_vi + ": hãy chọn một",
        "step " + q(step->id) + " offers " + what_en + " to several steps: name one"});
  }
  if (ends_process(chosen->kind, !chosen->target.empty())) return Move{MoveKind::end, ""};
  if (chosen->target.empty()) return Move{MoveKind::stay, step->id};
  return Move{MoveKind::to_step, chosen->target};
}

tl::expected<Move, MoveError> next_step(const ProcessDefinition& process,
                                        std::string_view current_step, const Action& action) {
  return next_step(process, current_step, action.kind, action.target);
}

}  // namespace motcua::process
