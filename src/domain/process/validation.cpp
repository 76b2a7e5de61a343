#include "domain/process/validation.hpp"

#include <algorithm>
#include <set>
#include <utility>

#include "domain/common/enum_names.hpp"
#include "domain/process/process_graph.hpp"

namespace motcua::process {

namespace {

constexpr detail::NameTable<ProblemCode, kAllProblemCodes.size()> kNames = {{
    {ProblemCode::empty_field, "empty_field"},
    {ProblemCode::invalid_version, "invalid_version"},
    {ProblemCode::invalid_limit, "invalid_limit"},
    {ProblemCode::no_steps, "no_steps"},
    {ProblemCode::empty_step_id, "empty_step_id"},
    {ProblemCode::duplicate_step_id, "duplicate_step_id"},
    {ProblemCode::empty_step_name, "empty_step_name"},
    {ProblemCode::no_responsible, "no_responsible"},
    {ProblemCode::invalid_budget, "invalid_budget"},
    {ProblemCode::budget_unit_mismatch, "budget_unit_mismatch"},
    {ProblemCode::no_actions, "no_actions"},
    {ProblemCode::missing_target, "missing_target"},
    {ProblemCode::unexpected_target, "unexpected_target"},
    {ProblemCode::unknown_target, "unknown_target"},
    {ProblemCode::duplicate_action, "duplicate_action"},
    {ProblemCode::send_back_not_earlier, "send_back_not_earlier"},
    {ProblemCode::forward_cycle, "forward_cycle"},
    {ProblemCode::unreachable_step, "unreachable_step"},
    {ProblemCode::no_end, "no_end"},
    {ProblemCode::no_approve, "no_approve"},
    {ProblemCode::return_before_decision, "return_before_decision"},
    {ProblemCode::action_after_decision, "action_after_decision"},
    {ProblemCode::mixed_phase, "mixed_phase"},
    {ProblemCode::budget_total_mismatch, "budget_total_mismatch"},
    {ProblemCode::limit_not_procedure_limit, "limit_not_procedure_limit"},
    {ProblemCode::budget_over_procedure_limit, "budget_over_procedure_limit"},
}};

std::string q(std::string_view s) { return "'" + std::string(s) + "'"; }

// «Chuyển bước tiếp theo» / forward
std::string action_vi(ActionKind kind) { return "«" + std::string(label_vi(kind)) + "»"; }
std::string action_en(ActionKind kind) { return std::string(to_string(kind)); }

class Checker {
 public:
  explicit Checker(const ProcessDefinition& process) : p_(process) {}

  std::vector<Problem> run() {
    check_header();
    if (p_.steps.empty()) {
      add(ProblemCode::no_steps, "", "Quy trình chưa có bước nào", "the process has no steps");
      return std::move(problems_);
    }
    check_step_ids();
    for (const Step& step : p_.steps) check_step(step);
    check_graph();
    check_budget_total();
    return std::move(problems_);
  }

 private:
  void add(ProblemCode code, std::string step_id, std::string vi, std::string en) {
    problems_.push_back(Problem{code, std::move(step_id), std::move(vi), std::move(en)});
  }

  void check_header() {
    using enum ProblemCode;
    if (p_.id.empty()) add(empty_field, "", "Quy trình chưa có mã", "the process has no id");
    if (p_.procedure_code.empty()) {
      add(empty_field, "", "Quy trình chưa có mã thủ tục hành chính",
          "the process has no procedure code");
    }
    if (p_.agency_id.empty()) {
      add(empty_field, "", "Quy trình chưa có cơ quan giải quyết", "the process has no agency");
    }
    if (p_.version < 1) {
      add(invalid_version, "", "Phiên bản quy trình phải từ 1 trở lên",
          "the version must be 1 or more");
    }
    if (p_.legal_limit.amount < 0 || p_.legal_limit.amount > clock::kMaxLimitAmount) {
      add(invalid_limit, "",
          "Thời hạn giải quyết phải từ 0 đến " + std::to_string(clock::kMaxLimitAmount),
          "the legal limit must be from 0 to " + std::to_string(clock::kMaxLimitAmount));
    }
  }

  void check_step_ids() {
    std::set<std::string_view> seen;
    for (std::size_t i = 0; i < p_.steps.size(); ++i) {
      const std::string& id = p_.steps[i].id;
      if (id.empty()) {
        add(ProblemCode::empty_step_id, "", "Bước thứ " + std::to_string(i + 1) + " chưa có mã",
            "step number " + std::to_string(i + 1) + " has no id");
      } else if (!seen.insert(id).second) {
        add(ProblemCode::duplicate_step_id, id, "Mã bước " + q(id) + " bị trùng",
            "step id " + q(id) + " is used more than once");
      }
    }
  }

  void check_step(const Step& step) {
    using enum ProblemCode;
    const std::string& id = step.id;
    if (step.name.empty()) {
      add(empty_step_name, id, "Bước " + q(id) + " chưa có tên", "step " + q(id) + " has no name");
    }
    if (!step.responsible.role && step.responsible.unit_id.empty()) {
      add(no_responsible, id, "Bước " + q(id) + " chưa có vai trò hoặc đơn vị chịu trách nhiệm",
          "step " + q(id) + " names no responsible role or unit");
    }
    if (step.budget.amount < 0) {
      add(invalid_budget, id, "Bước " + q(id) + ": thời hạn của bước không được âm",
          "step " + q(id) + ": the budget must not be negative");
    } else if (!budget_minutes(step.budget, p_.legal_limit.unit)) {
      add(budget_unit_mismatch, id,
          "Bước " + q(id) +
              ": thời hạn tính theo ngày lịch chỉ dùng khi thời hạn giải quyết cũng tính theo "
              "ngày lịch, và ngược lại",
          "step " + q(id) +
              ": a budget in calendar days needs a legal limit in calendar days, and the reverse");
    }
    if (step.actions.empty()) {
      add(no_actions, id, "Bước " + q(id) + " chưa có thao tác nào",
          "step " + q(id) + " has no actions");
    }
    for (std::size_t a = 0; a < step.actions.size(); ++a) {
      check_action(step, step.actions[a]);
      const auto& earlier = step.actions;
      if (std::find(earlier.begin(), earlier.begin() + static_cast<std::ptrdiff_t>(a),
                    step.actions[a]) != earlier.begin() + static_cast<std::ptrdiff_t>(a)) {
        add(duplicate_action, id,
            "Bước " + q(id) + ": thao tác " + action_vi(step.actions[a].kind) + " bị lặp lại",
            "step " + q(id) + ": action " + action_en(step.actions[a].kind) + " is listed twice");
      }
    }
  }

  void check_action(const Step& step, const Action& action) {
    using enum ProblemCode;
    const std::string& id = step.id;
    const TargetRule rule = target_rule(action.kind);
    if (rule == TargetRule::required && action.target.empty()) {
      add(missing_target, id,
          "Bước " + q(id) + ": thao tác " + action_vi(action.kind) + " phải chỉ rõ bước đích",
          "step " + q(id) + ": " + action_en(action.kind) + " needs a target step");
    } else if (rule == TargetRule::forbidden && !action.target.empty()) {
      add(unexpected_target, id,
          "Bước " + q(id) + ": thao tác " + action_vi(action.kind) + " không có bước đích",
          "step " + q(id) + ": " + action_en(action.kind) + " takes no target step");
    } else if (!action.target.empty() && find_step(p_, action.target) == nullptr) {
      add(unknown_target, id, "Bước " + q(id) + ": không có bước đích " + q(action.target),
          "step " + q(id) + ": " + action_en(action.kind) + " to " + q(action.target) +
              ", which is not a step");
    }
  }

  void check_graph();
  void check_phases(const ProcessGraph& graph, const std::vector<bool>& reached);
  void check_budget_total();

  const ProcessDefinition& p_;
  std::vector<Problem> problems_;
  bool has_cycle_ = false;
};

void Checker::check_graph() {
  using enum ProblemCode;
  const ProcessGraph graph = ProcessGraph::of(p_);
  const std::size_t n = graph.size();
  // Small processes (tens of steps): a reachability row per step is simplest.
  std::vector<std::vector<bool>> ahead(n);
  for (std::size_t i = 0; i < n; ++i) ahead[i] = reachable(graph, {i}, kProgress);
  auto on_cycle = [&](std::size_t i) {
    for (const auto* edges : {&graph.forward[i], &graph.decision[i]}) {
      for (std::size_t j : *edges) {
        if (ahead[j][i]) return true;
      }
    }
    return false;
  };

  std::vector<bool> reported(n, false);
  for (std::size_t i = 0; i < n; ++i) {
    if (reported[i] || !on_cycle(i)) continue;
    has_cycle_ = true;
    std::string members;
    for (std::size_t k = 0; k < n; ++k) {
      if (!ahead[i][k] || !ahead[k][i]) continue;
      reported[k] = true;
      members += (members.empty() ? "" : " → ") + p_.steps[k].id;
    }
    add(forward_cycle, p_.steps[i].id, "Các bước chuyển tiếp tạo thành vòng lặp: " + members,
        "moving on forms a cycle through " + members + " (use send_back to return)");
  }

  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t t : graph.back[i]) {
      if (t != i && ahead[t][i]) continue;
      add(send_back_not_earlier, p_.steps[i].id,
          "Bước " + q(p_.steps[i].id) + ": chỉ được trả lại bước trước đó, " + q(p_.steps[t].id) +
              " không phải bước trước",
          "step " + q(p_.steps[i].id) + ": send_back must go to an earlier step and " +
              q(p_.steps[t].id) + " is not one");
    }
  }

  const std::vector<bool> reached = reachable(graph, {0}, kAnyEdge);
  for (std::size_t i = 0; i < n; ++i) {
    if (reached[i]) continue;
    add(unreachable_step, p_.steps[i].id,
        "Bước " + q(p_.steps[i].id) + " không thể đến được từ bước đầu tiên",
        "step " + q(p_.steps[i].id) + " cannot be reached from the first step");
  }
  for (std::size_t i = 0; i < n; ++i) {
    if (!reached[i]) continue;
    const std::vector<bool> later = reachable(graph, {i}, kAnyEdge);
    bool ends = false;
    for (std::size_t k = 0; k < n && !ends; ++k) ends = later[k] && graph.ends[k];
    if (ends) continue;
    add(no_end, p_.steps[i].id,
        "Từ bước " + q(p_.steps[i].id) +
            " không thể kết thúc quy trình (phê duyệt, từ chối hoặc trả kết quả)",
        "no path from step " + q(p_.steps[i].id) +
            " ends the process (approve, refuse or return the result)");
  }

  const bool can_approve = std::any_of(p_.steps.begin(), p_.steps.end(), [](const Step& s) {
    return std::any_of(s.actions.begin(), s.actions.end(),
                       [](const Action& a) { return a.kind == ActionKind::approve; });
  });
  if (!can_approve) {
    add(no_approve, "", "Quy trình không có bước nào được phê duyệt", "no step can approve");
  }
  check_phases(graph, reached);
}

// Before the decision a dossier moves by forward and send_back from the first step; after it,
// by any edge from the target of a decision taken at a reachable step.
void Checker::check_phases(const ProcessGraph& graph, const std::vector<bool>& reached) {
  using enum ProblemCode;
  const std::size_t n = graph.size();
  const std::vector<bool> before = reachable(graph, {0}, kForward | kBack);
  std::vector<std::size_t> decision_targets;
  for (std::size_t i = 0; i < n; ++i) {
    if (reached[i]) {
      decision_targets.insert(decision_targets.end(), graph.decision[i].begin(),
                              graph.decision[i].end());
    }
  }
  const std::vector<bool> after = reachable(graph, decision_targets, kAnyEdge);
  for (std::size_t i = 0; i < n; ++i) {
    const std::string& id = p_.steps[i].id;
    if (before[i] && after[i]) {
      add(mixed_phase, id, "Bước " + q(id) + " có thể đến được cả trước và sau khi ra quyết định",
          "step " + q(id) + " can be reached both before and after the decision");
      continue;
    }
    for (const Action& action : p_.steps[i].actions) {
      const ActionKind k = action.kind;
      if (before[i] && k == ActionKind::return_result) {
        add(return_before_decision, id,
            "Bước " + q(id) + " trả kết quả khi hồ sơ chưa được phê duyệt hoặc từ chối",
            "step " + q(id) + " returns a result before any decision (approve or refuse)");
      }
      const bool allowed_after =
          k == ActionKind::forward || k == ActionKind::send_back || k == ActionKind::return_result;
      if (after[i] && !allowed_after) {
        add(action_after_decision, id,
            "Bước " + q(id) + " nằm sau khi đã ra quyết định nên không thể " + action_vi(k),
            "step " + q(id) + " comes after the decision and cannot " + action_en(k));
      }
    }
  }
}

void Checker::check_budget_total() {
  // The total is only meaningful when every budget is and the progress edges have no cycle; the
  // problems that prevent it have been reported already.
  if (has_cycle_ || p_.legal_limit.amount < 0) return;
  for (const auto& problem : problems_) {
    if (problem.code == ProblemCode::invalid_budget ||
        problem.code == ProblemCode::budget_unit_mismatch) {
      return;
    }
  }
  const auto path = main_path(p_);
  const auto limit = budget_minutes(p_.legal_limit, p_.legal_limit.unit);
  if (!path || !limit || path->minutes == *limit) return;
  std::string steps;
  for (const std::string& id : path->step_ids) steps += (steps.empty() ? "" : " → ") + id;
  const clock::LimitUnit unit = p_.legal_limit.unit;
  add(ProblemCode::budget_total_mismatch, "",
      "Tổng thời hạn các bước trên đường xử lý dài nhất (" + steps + ") là " +
          describe_minutes_vi(path->minutes, unit) + ", khác thời hạn giải quyết " +
          describe_minutes_vi(*limit, unit),
      "the budgets along the longest path (" + steps + ") add up to " +
          describe_minutes_en(path->minutes, unit) + ", not the legal limit of " +
          describe_minutes_en(*limit, unit));
}

std::string join(const std::vector<std::string>& parts, std::string_view fallback) {
  std::string out;
  for (const auto& part : parts) out += (out.empty() ? "" : " ") + part;
  return out.empty() ? std::string(fallback) : out;
}

std::string plural(std::int64_t n, std::string_view one, std::string_view many) {
  return std::to_string(n) + " " + std::string(n == 1 ? one : many);
}

}  // namespace

std::string_view to_string(ProblemCode code) { return detail::name_in(kNames, code); }

std::optional<ProblemCode> parse_problem_code(std::string_view name) {
  return detail::value_in(kNames, name);
}

std::vector<Problem> validate(const ProcessDefinition& process) { return Checker(process).run(); }

std::vector<Problem> check_against_procedure(
    const ProcessDefinition& process, const std::vector<clock::TimeLimit>& procedure_limits) {
  std::vector<Problem> out;
  if (procedure_limits.empty()) return out;
  // Compared in the units of the procedure's limit; a process in calendar days for a limit in
  // working days (or the reverse) matches nothing.
  const auto same = [&](const clock::TimeLimit& limit) {
    const auto ours = budget_minutes(process.legal_limit, limit.unit);
    return ours && *ours == *budget_minutes(limit, limit.unit);
  };
  const clock::TimeLimit& first = procedure_limits.front();
  const auto first_minutes = *budget_minutes(first, first.unit);
  if (std::none_of(procedure_limits.begin(), procedure_limits.end(), same)) {
    const auto path = main_path(process);
    const auto ours = path ? std::optional<std::int64_t>(path->minutes)
                           : budget_minutes(process.legal_limit, process.legal_limit.unit);
    const bool comparable = budget_minutes(process.legal_limit, first.unit).has_value();
    const clock::LimitUnit unit = comparable ? first.unit : process.legal_limit.unit;
    const std::string sign = !ours || !comparable ? "≠" : (*ours > first_minutes ? ">" : "<");
    const std::string ours_vi = ours ? describe_minutes_vi(*ours, unit) : "?";
    const std::string ours_en = ours ? describe_minutes_en(*ours, unit) : "?";
    out.push_back(Problem{
        ProblemCode::limit_not_procedure_limit, "",
        "Thời hạn của quy trình phải bằng thời hạn của thủ tục: tổng thời hạn các bước " + ours_vi +
            " " + sign + " thời hạn của thủ tục " + describe_minutes_vi(first_minutes, first.unit),
        "the process's limit must equal the procedure's: the steps' budgets add up to " + ours_en +
            " " + sign + " the procedure's limit of " +
            describe_minutes_en(first_minutes, first.unit)});
  }
  // The largest limit of any channel bounds every step.
  const clock::TimeLimit* largest = &first;
  for (const auto& limit : procedure_limits) {
    const auto m = budget_minutes(limit, first.unit);
    if (m && *m > *budget_minutes(*largest, first.unit)) largest = &limit;
  }
  const auto bound = *budget_minutes(*largest, largest->unit);
  for (const Step& step : process.steps) {
    const auto m = budget_minutes(step.budget, largest->unit);
    if (!m || *m <= bound) continue;
    out.push_back(Problem{
        ProblemCode::budget_over_procedure_limit, step.id,
        "Bước " + q(step.id) + ": thời hạn của bước " + describe_minutes_vi(*m, largest->unit) +
            " > thời hạn của thủ tục " + describe_minutes_vi(bound, largest->unit),
        "step " + q(step.id) + ": its budget of " + describe_minutes_en(*m, largest->unit) +
            " > the procedure's limit of " + describe_minutes_en(bound, largest->unit)});
  }
  return out;
}

std::string describe_minutes_vi(std::int64_t minutes, clock::LimitUnit limit_unit) {
  if (limit_unit == clock::LimitUnit::calendar_days) {
    return std::to_string(minutes / kMinutesPerCalendarDay) + " ngày";
  }
  std::vector<std::string> parts;
  const std::int64_t days = minutes / kMinutesPerWorkingDay;
  const std::int64_t hours = minutes % kMinutesPerWorkingDay / kMinutesPerWorkingHour;
  const std::int64_t rest = minutes % kMinutesPerWorkingHour;
  if (days != 0) parts.push_back(std::to_string(days) + " ngày");
  if (hours != 0) parts.push_back(std::to_string(hours) + " giờ");
  if (rest != 0) parts.push_back(std::to_string(rest) + " phút");
  return join(parts, "0 giờ") + " làm việc";
}

std::string describe_minutes_en(std::int64_t minutes, clock::LimitUnit limit_unit) {
  if (limit_unit == clock::LimitUnit::calendar_days) {
    return plural(minutes / kMinutesPerCalendarDay, "day", "days");
  }
  std::vector<std::string> parts;
  const std::int64_t days = minutes / kMinutesPerWorkingDay;
  const std::int64_t hours = minutes % kMinutesPerWorkingDay / kMinutesPerWorkingHour;
  const std::int64_t rest = minutes % kMinutesPerWorkingHour;
  if (days != 0) parts.push_back(plural(days, "working day", "working days"));
  if (hours != 0) parts.push_back(plural(hours, "working hour", "working hours"));
  if (rest != 0) parts.push_back(plural(rest, "minute", "minutes"));
  return join(parts, "0 working hours");
}

}  // namespace motcua::process
