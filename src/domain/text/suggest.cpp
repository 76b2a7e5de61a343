#include "domain/text/suggest.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include "domain/text/fold.hpp"
#include "domain/text/fuzzy.hpp"
#include "domain/text/utf8.hpp"

namespace motcua::text {

int suggestion_budget(std::size_t code_points) {
  if (code_points <= 2) return 0;
  if (code_points <= 5) return 1;
  if (code_points <= 9) return 2;
  return 3;
}

std::optional<int> suggestion_distance(std::string_view query, std::string_view text) {
  const std::vector<std::string> wanted = search_tokens(query);
  if (wanted.empty()) return std::nullopt;
  const std::vector<std::string> words = search_tokens(text);
  int total = 0;
  for (const auto& token : wanted) {
    const int budget = suggestion_budget(to_code_points(token).size());
    int best = budget + 1;
    for (const auto& word : words) {
      // Each better word narrows the bound, so the scan gets cheaper as it goes.
      best = std::min(best, edit_distance_bounded(token, word, best - 1));
      if (best == 0) break;
    }
    if (best > budget) return std::nullopt;
    total += best;
  }
  return total;
}

}  // namespace motcua::text
