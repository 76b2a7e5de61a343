// The agency tree: every agency, past and present, with lookups by id, by code and along the
// parent links. Built once from a list and then immutable, so lookups need no locking.
//
// build() checks the whole list and reports every problem at once: ids present and unique,
// a Vietnamese name, parents that exist, no cycles, valid_to after valid_from, each agency valid
// only while its parent is (so "valid on a day" never needs to look at ancestors), and no two
// agencies sharing a code on a common day (the code goes into dossier codes).
#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "domain/agency/agency.hpp"
#include "tl/expected.hpp"

namespace motcua::agency {

class AgencyTree {
 public:
  AgencyTree() = default;  // empty

  static tl::expected<AgencyTree, std::vector<AgencyProblem>> build(std::vector<Agency> agencies);

  // In the order given to build().
  const std::vector<Agency>& agencies() const { return agencies_; }
  std::size_t size() const { return agencies_.size(); }

  const Agency* find(std::string_view id) const;
  // The agency holding `code` on `day`; codes are unique on any day (checked by build()).
  const Agency* find_by_code(std::string_view code, Date day) const;

  std::vector<const Agency*> roots() const;
  // Direct children, all of them or only those valid on `day`; empty for an unknown id.
  std::vector<const Agency*> children(std::string_view id) const;
  std::vector<const Agency*> children(std::string_view id, Date day) const;
  // Parent first, root last; empty for a root or an unknown id.
  std::vector<const Agency*> ancestors(std::string_view id) const;
  // The agency itself if it is a province, else its nearest province ancestor; nullptr for a
  // ministry's subtree or an unknown id.
  const Agency* province_of(std::string_view id) const;
  // Known and valid on `day`. The ancestors are then valid too (build() checked it).
  bool is_valid_on(std::string_view id, Date day) const;
  // `id` is `ancestor_id` or lies below it.
  bool is_within(std::string_view id, std::string_view ancestor_id) const;

 private:
  static constexpr std::size_t kNone = static_cast<std::size_t>(-1);
  std::size_t index_of(std::string_view id) const;

  std::vector<Agency> agencies_;
  std::vector<std::size_t> parent_;  // kNone for a root
  std::vector<std::vector<std::size_t>> children_;
  std::map<std::string, std::size_t, std::less<>> by_id_;
  std::map<std::string, std::vector<std::size_t>, std::less<>> by_code_;
};

}  // namespace motcua::agency
