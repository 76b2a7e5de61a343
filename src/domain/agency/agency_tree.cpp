#include "domain/agency/agency_tree.hpp"

#include <algorithm>
#include <utility>

namespace motcua::agency {

namespace {

AgencyProblem problem(AgencyProblemCode code, std::string subject, std::string vi, std::string en) {
  return AgencyProblem{code, std::move(subject), std::move(vi), std::move(en)};
}

std::string quoted(std::string_view s) { return "'" + std::string(s) + "'"; }

bool overlap(const Agency& a, const Agency& b) {
  const bool a_starts_before_b_ends = !b.valid_to || a.valid_from < *b.valid_to;
  const bool b_starts_before_a_ends = !a.valid_to || b.valid_from < *a.valid_to;
  return a_starts_before_b_ends && b_starts_before_a_ends;
}

bool within(const Agency& child, const Agency& parent) {
  if (child.valid_from < parent.valid_from) return false;
  if (!parent.valid_to) return true;
  return child.valid_to && *child.valid_to <= *parent.valid_to;
}

}  // namespace

tl::expected<AgencyTree, std::vector<AgencyProblem>> AgencyTree::build(
    std::vector<Agency> agencies) {
  using enum AgencyProblemCode;
  AgencyTree tree;
  std::vector<AgencyProblem> problems;
  const std::size_t n = agencies.size();

  for (std::size_t i = 0; i < n; ++i) {
    const Agency& a = agencies[i];
    if (a.id.empty()) {
      problems.push_back(problem(empty_id, "",
                                 "Cơ quan thứ " + std::to_string(i + 1) + " không có mã định danh",
                                 "agency number " + std::to_string(i + 1) + " has no id"));
    } else if (!tree.by_id_.emplace(a.id, i).second) {
      problems.push_back(problem(duplicate_id, a.id,
                                 "Mã định danh cơ quan " + quoted(a.id) + " bị trùng",
                                 "agency id " + quoted(a.id) + " is used more than once"));
    }
    if (a.name.empty()) {
      problems.push_back(problem(empty_name, a.id, "Cơ quan " + quoted(a.id) + " chưa có tên",
                                 "agency " + quoted(a.id) + " has no name"));
    }
    if (a.valid_to && *a.valid_to <= a.valid_from) {
      problems.push_back(
          problem(invalid_validity, a.id,
                  "Cơ quan " + quoted(a.id) + ": ngày hết hiệu lực phải sau ngày bắt đầu hiệu lực",
                  "agency " + quoted(a.id) + ": valid_to must be after valid_from"));
    }
    if (!a.code.empty()) tree.by_code_[a.code].push_back(i);
  }

  tree.parent_.assign(n, kNone);
  for (std::size_t i = 0; i < n; ++i) {
    const Agency& a = agencies[i];
    if (a.parent_id.empty()) continue;
    if (const auto it = tree.by_id_.find(a.parent_id); it != tree.by_id_.end()) {
      tree.parent_[i] = it->second;
    } else {
      problems.push_back(problem(
          missing_parent, a.id,
          "Cơ quan " + quoted(a.id) + ": không có cơ quan cấp trên " + quoted(a.parent_id),
          "agency " + quoted(a.id) + ": parent " + quoted(a.parent_id) + " does not exist"));
    }
  }

  // Walk up from each agency; meeting an agency of the current walk again closes a cycle. Each
  // agency is walked once, so this is linear.
  enum class Mark { unvisited, on_path, done };
  std::vector<Mark> mark(n, Mark::unvisited);
  std::vector<bool> in_cycle(n, false);
  for (std::size_t start = 0; start < n; ++start) {
    std::vector<std::size_t> path;
    std::size_t cur = start;
    while (cur != kNone && mark[cur] == Mark::unvisited) {
      mark[cur] = Mark::on_path;
      path.push_back(cur);
      cur = tree.parent_[cur];
    }
    if (cur != kNone && mark[cur] == Mark::on_path) {
      const auto first = std::find(path.begin(), path.end(), cur);
      std::string members;
      for (auto it = first; it != path.end(); ++it) {
        in_cycle[*it] = true;
        members += (members.empty() ? "" : " → ") + agencies[*it].id;
      }
      problems.push_back(problem(cycle, agencies[cur].id, "Vòng lặp cơ quan cấp trên: " + members,
                                 "the parent links form a cycle: " + members));
    }
    for (std::size_t i : path) mark[i] = Mark::done;
  }

  for (std::size_t i = 0; i < n; ++i) {
    const std::size_t p = tree.parent_[i];
    if (p == kNone || in_cycle[i]) continue;
    if (!within(agencies[i], agencies[p])) {
      problems.push_back(
          problem(outside_parent_validity, agencies[i].id,
                  "Cơ quan " + quoted(agencies[i].id) +
                      " có hiệu lực ngoài thời gian hiệu lực của " + quoted(agencies[p].id),
                  "agency " + quoted(agencies[i].id) +
                      " is valid outside the validity of its parent " + quoted(agencies[p].id)));
    }
  }

  for (const auto& [code, members] : tree.by_code_) {
    for (std::size_t x = 0; x < members.size(); ++x) {
      for (std::size_t y = x + 1; y < members.size(); ++y) {
        const Agency& a = agencies[members[x]];
        const Agency& b = agencies[members[y]];
        if (!overlap(a, b)) continue;
        problems.push_back(problem(duplicate_code, b.id,
                                   "Mã cơ quan " + quoted(code) + " dùng đồng thời cho " +
                                       quoted(a.id) + " và " + quoted(b.id),
                                   "code " + quoted(code) + " is held by both " + quoted(a.id) +
                                       " and " + quoted(b.id) + " at the same time"));
      }
    }
  }

  if (!problems.empty()) return tl::unexpected(std::move(problems));

  tree.children_.assign(n, {});
  for (std::size_t i = 0; i < n; ++i) {
    if (tree.parent_[i] != kNone) tree.children_[tree.parent_[i]].push_back(i);
  }
  tree.agencies_ = std::move(agencies);
  return tree;
}

std::size_t AgencyTree::index_of(std::string_view id) const {
  const auto it = by_id_.find(id);
  return it == by_id_.end() ? kNone : it->second;
}

const Agency* AgencyTree::find(std::string_view id) const {
  const std::size_t i = index_of(id);
  return i == kNone ? nullptr : &agencies_[i];
}

const Agency* AgencyTree::find_by_code(std::string_view code, Date day) const {
  const auto it = by_code_.find(code);
  if (it == by_code_.end()) return nullptr;
  for (std::size_t i : it->second) {
    if (agencies_[i].is_valid_on(day)) return &agencies_[i];
  }
  return nullptr;
}

std::vector<const Agency*> AgencyTree::roots() const {
  std::vector<const Agency*> out;
  for (std::size_t i = 0; i < agencies_.size(); ++i) {
    if (parent_[i] == kNone) out.push_back(&agencies_[i]);
  }
  return out;
}

std::vector<const Agency*> AgencyTree::children(std::string_view id) const {
  std::vector<const Agency*> out;
  const std::size_t i = index_of(id);
  if (i == kNone) return out;
  for (std::size_t c : children_[i]) out.push_back(&agencies_[c]);
  return out;
}

std::vector<const Agency*> AgencyTree::children(std::string_view id, Date day) const {
  std::vector<const Agency*> out = children(id);
  std::erase_if(out, [day](const Agency* a) { return !a->is_valid_on(day); });
  return out;
}

std::vector<const Agency*> AgencyTree::ancestors(std::string_view id) const {
  std::vector<const Agency*> out;
  std::size_t i = index_of(id);
  if (i == kNone) return out;
  for (i = parent_[i]; i != kNone; i = parent_[i]) out.push_back(&agencies_[i]);
  return out;
}

const Agency* AgencyTree::province_of(std::string_view id) const {
  for (std::size_t i = index_of(id); i != kNone; i = parent_[i]) {
    if (agencies_[i].kind == AgencyKind::province) return &agencies_[i];
  }
  return nullptr;
}

bool AgencyTree::is_valid_on(std::string_view id, Date day) const {
  const Agency* a = find(id);
  return a != nullptr && a->is_valid_on(day);
}

bool AgencyTree::is_within(std::string_view id, std::string_view ancestor_id) const {
  const std::size_t target = index_of(ancestor_id);
  if (target == kNone) return false;
  for (std::size_t i = index_of(id); i != kNone; i = parent_[i]) {
    if (i == target) return true;
  }
  return false;
}

}  // namespace motcua::agency
