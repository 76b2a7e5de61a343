#include "domain/process/enforcement.hpp"

#include <algorithm>

namespace motcua::process {

namespace {

std::string q(std::string_view s) { return "'" + std::string(s) + "'"; }

// "tham-dinh (Thẩm định hồ sơ), phe-duyet (Phê duyệt)": what the officer may name instead.
std::string listed(const std::vector<const Step*>& steps, bool vietnamese) {
  std::string out;
  for (const Step* s : steps) {
    const std::string& name = vietnamese || s->name_en.empty() ? s->name : s->name_en;
    out += (out.empty() ? "" : ", ") + s->id + " (" + name + ")";
  }
  if (out.empty()) return vietnamese ? "không có" : "none";
  return out;
}

ActionKind edge_of(HandOver kind) {
  return kind == HandOver::send_back ? ActionKind::send_back : ActionKind::forward;
}

MoveError refusal(MoveErrorCode code, const std::string& vi, const std::string& en,
                  const std::vector<const Step*>& allowed) {
  return {code, vi + ". Các bước được phép: " + listed(allowed, true) + ".",
          en + ". Allowed steps: " + listed(allowed, false) + "."};
}

}  // namespace

std::string current_step(const ProcessDefinition& process, std::string_view recorded) {
  if (!recorded.empty() || process.steps.empty()) return std::string(recorded);
  return process.steps.front().id;
}

std::vector<const Step*> hand_over_targets(const ProcessDefinition& process,
                                           std::string_view current, HandOver kind) {
  std::vector<const Step*> out;
  const Step* here = find_step(process, current);
  if (here == nullptr) {
    for (const Step& s : process.steps) out.push_back(&s);
    return out;
  }
  const ActionKind edge = edge_of(kind);
  // In the process's order, so the list reads as the process does.
  for (const Step& s : process.steps) {
    const bool stay = kind != HandOver::send_back && s.id == here->id;
    const bool edge_to = std::any_of(here->actions.begin(), here->actions.end(),
                                     [&](auto& a) { return a.kind == edge && a.target == s.id; });
    if (stay || edge_to) out.push_back(&s);
  }
  return out;
}

tl::expected<const Step*, MoveError> resolve_hand_over(
    const ProcessDefinition& process, std::string_view current, HandOver kind,
    std::string_view requested, const std::function<bool(const Step&)>& fits) {
  const auto allowed = hand_over_targets(process, current, kind);
  if (!requested.empty()) {
    if (find_step(process, requested) == nullptr) {
      return tl::unexpected(refusal(
          MoveErrorCode::unknown_target, "Quy trình của hồ sơ không có bước (step) " + q(requested),
          "the dossier's process has no step (step) " + q(requested), allowed));
    }
    const auto it = std::find_if(allowed.begin(), allowed.end(),
                                 [&](const Step* s) { return s->id == requested; });
    if (it == allowed.end()) {
      return tl::unexpected(refusal(MoveErrorCode::step_not_next,
                                    "Không thể chuyển hồ sơ từ bước " + q(current) +
                                        " tới bước (step) " + q(requested) + " theo quy trình",
                                    "the process does not lead from step " + q(current) +
                                        " to step (step) " + q(requested) + " this way",
                                    allowed));
    }
    return *it;
  }
  // No step named: a hand-over within the step when the new holder works there, else the one
  // way on (a processing official taking a dossier just received moves it to review).
  const Step* here = find_step(process, current);
  if (here != nullptr && kind != HandOver::send_back && fits(*here)) return here;
  std::vector<const Step*> onward;
  for (const Step* s : allowed) {
    if (here == nullptr || s != here) onward.push_back(s);
  }
  if (onward.size() == 1) return onward.front();
  return tl::unexpected(refusal(MoveErrorCode::step_required,
                                "Cần chọn bước tiếp theo (step) của quy trình",
                                "name the next step of the process (step)", allowed));
}

tl::expected<std::string, MoveError> decision_move(const ProcessDefinition& process,
                                                   std::string_view current, ActionKind kind) {
  const Step* here = find_step(process, current);
  const auto offers = [&](const Step& s) {
    return std::any_of(s.actions.begin(), s.actions.end(),
                       [&](const Action& a) { return a.kind == kind; });
  };
  if (here == nullptr || !offers(*here)) {
    std::vector<const Step*> where;
    for (const Step& s : process.steps) {
      if (offers(s)) where.push_back(&s);
    }
    return tl::unexpected(refusal(MoveErrorCode::decision_not_here,
                                  "Hồ sơ đang ở bước " + q(current) +
                                      ", bước này không cho phép thao tác «" +
                                      std::string(label_vi(kind)) + "»",
                                  "the dossier is at step " + q(current) +
                                      ", which does not allow " + std::string(to_string(kind)),
                                  where));
  }
  for (const Action& a : here->actions) {
    if (a.kind == kind) return a.target;
  }
  return std::string();
}

tl::expected<void, MoveError> check_return(const ProcessDefinition& process,
                                           std::string_view current, ActionKind decided) {
  const Step* here = find_step(process, current);
  if (here == nullptr) return {};
  std::string next = std::string(current);
  for (const Action& a : here->actions) {
    if (a.kind == decided) {
      if (a.target.empty()) return {};  // the decision ended the process
      next = a.target;
      break;
    }
  }
  const Step* step = find_step(process, next);
  if (step == nullptr) return {};
  const bool offers = std::any_of(step->actions.begin(), step->actions.end(), [](const Action& a) {
    return a.kind == ActionKind::return_result;
  });
  if (offers) return {};
  return tl::unexpected(
      MoveError{MoveErrorCode::return_not_here,
                "Bước " + q(next) + " của quy trình không phải bước trả kết quả",
                "step " + q(next) + " of the process does not return the result"});
}

}  // namespace motcua::process
