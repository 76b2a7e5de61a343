#include "domain/text/name_index.hpp"

#include <algorithm>
#include <unordered_map>

#include "domain/text/fold.hpp"
#include "domain/text/fuzzy.hpp"
#include "domain/text/suggest.hpp"
#include "domain/text/utf8.hpp"

namespace motcua::text {

NameIndex::NameIndex(const std::vector<std::string>& folded_names) : names_(folded_names.size()) {
  std::unordered_map<std::string, std::size_t> position;
  for (std::size_t id = 0; id < folded_names.size(); ++id) {
    for (auto& token : search_tokens(folded_names[id])) {
      auto [it, added] = position.try_emplace(token, words_.size());
      if (added) words_.push_back({token, to_code_points(token), {}});
      auto& names = words_[it->second].names;
      // Ids arrive in order, so a repeated word of the same name is the last entry.
      if (names.empty() || names.back() != id) names.push_back(id);
    }
  }
}

std::vector<std::size_t> NameIndex::fuzzy_matches(
    const std::vector<std::string>& query_words) const {
  std::vector<std::size_t> out;
  if (query_words.empty()) {
    out.resize(names_);
    for (std::size_t id = 0; id < names_; ++id) out[id] = id;
    return out;
  }
  // How many query words each name has matched so far; a name matches when all have.
  std::vector<std::size_t> matched(names_, 0);
  std::vector<char> hit(names_, 0);
  for (std::size_t q = 0; q < query_words.size(); ++q) {
    const std::string& token = query_words[q];
    const std::u32string token_points = to_code_points(token);
    const bool last = q + 1 == query_words.size();
    std::fill(hit.begin(), hit.end(), 0);
    for (const auto& word : words_) {
      if (!fuzzy_word_match(token, token_points, word.text, word.points, last)) continue;
      for (const auto id : word.names) hit[id] = 1;
    }
    for (std::size_t id = 0; id < names_; ++id) matched[id] += hit[id] != 0 ? 1 : 0;
  }
  for (std::size_t id = 0; id < names_; ++id) {
    if (matched[id] == query_words.size()) out.push_back(id);
  }
  return out;
}

std::vector<std::pair<int, std::size_t>> NameIndex::suggestions(
    const std::vector<std::string>& query_words) const {
  std::vector<std::pair<int, std::size_t>> out;
  if (query_words.empty()) return out;
  // Per name: the sum of each query word's distance to its nearest word of the name, or -1 once a
  // query word has none within its budget.
  std::vector<int> total(names_, 0);
  std::vector<int> best(names_);
  for (const auto& token : query_words) {
    const std::u32string token_points = to_code_points(token);
    const int budget = suggestion_budget(token_points.size());
    std::fill(best.begin(), best.end(), budget + 1);
    for (const auto& word : words_) {
      const int d = edit_distance_bounded(std::u32string_view(token_points),
                                          std::u32string_view(word.points), budget);
      if (d > budget) continue;
      for (const auto id : word.names) best[id] = std::min(best[id], d);
    }
    for (std::size_t id = 0; id < names_; ++id) {
      if (total[id] < 0) continue;
      total[id] = best[id] > budget ? -1 : total[id] + best[id];
    }
  }
  for (std::size_t id = 0; id < names_; ++id) {
    if (total[id] >= 0) out.emplace_back(total[id], id);
  }
  return out;
}

}  // namespace motcua::text
