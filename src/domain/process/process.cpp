#include "domain/process/process.hpp"

namespace motcua::process {

namespace {

struct ActionInfo {
  ActionKind kind;
  std::string_view name;
  std::string_view vi;
  std::string_view en;
  dossier::CommandKind command;
  TargetRule target;
};

constexpr std::array<ActionInfo, kAllActionKinds.size()> kActions = {{
    {ActionKind::forward, "forward", "Chuyển bước tiếp theo", "Forward",
     dossier::CommandKind::forward, TargetRule::required},
    {ActionKind::send_back, "send_back", "Trả lại bước trước", "Send back",
     dossier::CommandKind::send_back, TargetRule::required},
    {ActionKind::request_supplement, "request_supplement", "Yêu cầu bổ sung hồ sơ",
     "Request supplement", dossier::CommandKind::request_supplement, TargetRule::forbidden},
    {ActionKind::consult, "consult", "Xin ý kiến cơ quan khác", "Consult another agency",
     dossier::CommandKind::consult, TargetRule::forbidden},
    {ActionKind::approve, "approve", "Phê duyệt", "Approve", dossier::CommandKind::approve,
     TargetRule::optional},
    {ActionKind::refuse, "refuse", "Từ chối giải quyết", "Refuse",
     dossier::CommandKind::reject_after_review, TargetRule::optional},
    {ActionKind::return_result, "return_result", "Trả kết quả", "Return the result",
     dossier::CommandKind::return_result, TargetRule::forbidden},
}};

const ActionInfo& info(ActionKind kind) {
  for (const auto& entry : kActions) {
    if (entry.kind == kind) return entry;
  }
  return kActions.front();  // unreachable for a valid enumerator
}

}  // namespace

std::string_view to_string(ActionKind kind) { return info(kind).name; }

std::optional<ActionKind> parse_action_kind(std::string_view name) {
  for (const auto& entry : kActions) {
    if (entry.name == name) return entry.kind;
  }
  return std::nullopt;
}

std::string_view label_vi(ActionKind kind) { return info(kind).vi; }
std::string_view label_en(ActionKind kind) { return info(kind).en; }
dossier::CommandKind command_of(ActionKind kind) { return info(kind).command; }
TargetRule target_rule(ActionKind kind) { return info(kind).target; }

bool ends_process(ActionKind kind, bool has_target) {
  switch (kind) {
    case ActionKind::approve:
    case ActionKind::refuse:
      return !has_target;
    case ActionKind::return_result:
      return true;
    case ActionKind::forward:
    case ActionKind::send_back:
    case ActionKind::request_supplement:
    case ActionKind::consult:
      return false;
  }
  return false;
}

const Step* find_step(const ProcessDefinition& process, std::string_view step_id) {
  for (const Step& step : process.steps) {
    if (step.id == step_id) return &step;
  }
  return nullptr;
}

bool is_terminal(const Step& step) {
  for (const Action& action : step.actions) {
    if (ends_process(action.kind, !action.target.empty())) return true;
  }
  return false;
}

std::optional<std::int64_t> budget_minutes(const clock::TimeLimit& budget,
                                           clock::LimitUnit limit_unit) {
  using clock::LimitUnit;
  const bool limit_in_calendar_days = limit_unit == LimitUnit::calendar_days;
  switch (budget.unit) {
    case LimitUnit::working_days:
      if (limit_in_calendar_days) return std::nullopt;
      return budget.amount * kMinutesPerWorkingDay;
    case LimitUnit::working_hours:
      if (limit_in_calendar_days) return std::nullopt;
      return budget.amount * kMinutesPerWorkingHour;
    case LimitUnit::calendar_days:
      if (!limit_in_calendar_days) return std::nullopt;
      return budget.amount * kMinutesPerCalendarDay;
  }
  return std::nullopt;
}

}  // namespace motcua::process
