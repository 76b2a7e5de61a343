// The steps of a process as a graph, for validation and for the main path. Steps are numbered by
// their position in the list; edges point at the first step with the target id and unknown targets
// are left out (validation reports them).
//
// Edges come in three kinds, because they mean different things to the budget and to the order of
// steps:
//  - forward: moving on to a later step;
//  - decision: the targets of approve/refuse, where the result is issued and handed over;
//  - back: send_back, which must return to a step that comes before.
// Forward and decision edges together are the progress edges: the budget is spent along them, and
// they must not form a cycle (going back is what send_back is for).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/process/process.hpp"

namespace motcua::process {

struct ProcessGraph {
  std::vector<std::vector<std::size_t>> forward;
  std::vector<std::vector<std::size_t>> decision;
  std::vector<std::vector<std::size_t>> back;
  std::vector<bool> ends;  // the step has an ending action

  static ProcessGraph of(const ProcessDefinition& process);
  std::size_t size() const { return ends.size(); }
};

// Which edges a walk may follow; progress edges are kForward | kDecision.
enum EdgeSet : unsigned { kForward = 1, kDecision = 2, kBack = 4, kProgress = 3, kAnyEdge = 7 };

// Steps reachable from `starts` (included) along the given edges.
std::vector<bool> reachable(const ProcessGraph& graph, const std::vector<std::size_t>& starts,
                            unsigned edges);

// The longest way through the process along progress edges, from the first step to a terminal
// step, weighted by budgets: the path whose budgets must add up to the legal limit. nullopt when
// there are no steps, the progress edges form a cycle, a budget is negative or not comparable with
// the limit (budget_minutes), or no terminal step can be reached.
struct MainPath {
  std::vector<std::string> step_ids;
  std::int64_t minutes = 0;  // in the unit of budget_minutes()
  friend bool operator==(const MainPath&, const MainPath&) = default;
};
std::optional<MainPath> main_path(const ProcessDefinition& process);

}  // namespace motcua::process
