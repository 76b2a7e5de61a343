#include "domain/catalog/paper_identity.hpp"

#include <cstdint>
#include <set>

namespace motcua::catalog {

namespace {

constexpr std::uint64_t kFnvOffset = 14695981039346656037ull;
constexpr std::uint64_t kFnvPrime = 1099511628211ull;

void mix(std::uint64_t& h, std::string_view text) {
  for (const char c : text) {
    h ^= static_cast<unsigned char>(c);
    h *= kFnvPrime;
  }
  h ^= 0xffu;  // a separator no UTF-8 text contains, so ("ab","c") and ("a","bc") differ
  h *= kFnvPrime;
}

}  // namespace

std::string paper_id(std::string_view case_name, PaperKind kind, std::string_view paper_name) {
  std::uint64_t h = kFnvOffset;
  mix(h, case_name);
  mix(h, to_string(kind));
  mix(h, paper_name);
  constexpr char kHex[] = "0123456789abcdef";
  std::string id = "p";
  for (int shift = 44; shift >= 0; shift -= 4) id += kHex[(h >> shift) & 0xfu];
  return id;
}

void assign_paper_ids(Procedure& p) {
  std::set<std::string> seen;
  for (auto& c : p.cases) {
    for (auto& paper : c.papers) {
      const std::string base = paper_id(c.name, paper.kind, paper.name);
      std::string id = base;
      for (int n = 2; !seen.insert(id).second; ++n) id = base + "-" + std::to_string(n);
      paper.id = std::move(id);
    }
  }
}

}  // namespace motcua::catalog
