#include "domain/process/process_graph.hpp"

#include <map>
#include <string_view>

namespace motcua::process {

ProcessGraph ProcessGraph::of(const ProcessDefinition& process) {
  const std::size_t n = process.steps.size();
  std::map<std::string_view, std::size_t> index;
  for (std::size_t i = 0; i < n; ++i) index.emplace(process.steps[i].id, i);

  ProcessGraph graph;
  graph.forward.resize(n);
  graph.decision.resize(n);
  graph.back.resize(n);
  graph.ends.assign(n, false);
  for (std::size_t i = 0; i < n; ++i) {
    for (const Action& action : process.steps[i].actions) {
      if (ends_process(action.kind, !action.target.empty())) graph.ends[i] = true;
      const auto target = index.find(action.target);
      if (action.target.empty() || target == index.end()) continue;
      switch (action.kind) {
        case ActionKind::forward:
          graph.forward[i].push_back(target->second);
          break;
        case ActionKind::approve:
        case ActionKind::refuse:
          graph.decision[i].push_back(target->second);
          break;
        case ActionKind::send_back:
          graph.back[i].push_back(target->second);
          break;
        case ActionKind::request_supplement:
        case ActionKind::consult:
        case ActionKind::return_result:
          break;
      }
    }
  }
  return graph;
}

std::vector<bool> reachable(const ProcessGraph& graph, const std::vector<std::size_t>& starts,
                            unsigned edges) {
  std::vector<bool> seen(graph.size(), false);
  std::vector<std::size_t> todo;
  for (std::size_t s : starts) {
    if (s < graph.size() && !seen[s]) {
      seen[s] = true;
      todo.push_back(s);
    }
  }
  auto visit = [&](const std::vector<std::size_t>& next) {
    for (std::size_t j : next) {
      if (!seen[j]) {
        seen[j] = true;
        todo.push_back(j);
      }
    }
  };
  while (!todo.empty()) {
    const std::size_t i = todo.back();
    todo.pop_back();
    if ((edges & kForward) != 0) visit(graph.forward[i]);
    if ((edges & kDecision) != 0) visit(graph.decision[i]);
    if ((edges & kBack) != 0) visit(graph.back[i]);
  }
  return seen;
}

namespace {

// Longest budget-weighted path from step i to a terminal step over progress edges, by memoised
// depth-first search; `state` detects cycles (which make the longest path undefined).
struct LongestPath {
  const ProcessGraph& graph;
  const std::vector<std::int64_t>& weight;
  enum class State { new_step, running, done };
  std::vector<State> state;
  std::vector<std::optional<std::int64_t>> best;
  std::vector<std::size_t> next;  // the successor on the best path, or the step itself at an end
  bool cyclic = false;

  void solve(std::size_t i) {
    if (state[i] == State::done) return;
    if (state[i] == State::running) {
      cyclic = true;
      return;
    }
    state[i] = State::running;
    // On a tie forward targets win over decision targets, earlier actions over later, and going on
    // wins over ending here, so a zero-budget "return the result" step stays on the main path.
    for (const auto* edges : {&graph.forward[i], &graph.decision[i]}) {
      for (std::size_t j : *edges) {
        solve(j);
        if (cyclic) return;
        if (best[j] && (!best[i] || weight[i] + *best[j] > *best[i])) {
          best[i] = weight[i] + *best[j];
          next[i] = j;
        }
      }
    }
    if (graph.ends[i] && (!best[i] || weight[i] > *best[i])) {
      best[i] = weight[i];
      next[i] = i;
    }
    state[i] = State::done;
  }
};

}  // namespace

std::optional<MainPath> main_path(const ProcessDefinition& process) {
  if (process.steps.empty()) return std::nullopt;
  std::vector<std::int64_t> weight;
  for (const Step& step : process.steps) {
    const auto minutes = budget_minutes(step.budget, process.legal_limit.unit);
    if (!minutes || *minutes < 0) return std::nullopt;
    weight.push_back(*minutes);
  }
  const ProcessGraph graph = ProcessGraph::of(process);
  const std::size_t n = graph.size();
  LongestPath search{graph, weight, std::vector(n, LongestPath::State::new_step),
                     std::vector<std::optional<std::int64_t>>(n), std::vector<std::size_t>(n, 0)};
  search.solve(0);
  if (search.cyclic || !search.best[0]) return std::nullopt;

  MainPath path;
  path.minutes = *search.best[0];
  for (std::size_t i = 0;; i = search.next[i]) {
    path.step_ids.push_back(process.steps[i].id);
    if (search.next[i] == i) break;
  }
  return path;
}

}  // namespace motcua::process
