#include "app/queries/procedure_search.hpp"

#include <algorithm>
#include <set>
#include <utility>

#include "domain/text/fold.hpp"
#include "domain/text/fuzzy.hpp"
#include "domain/text/fuzzy_prefilter.hpp"
#include "domain/text/suggest.hpp"
#include "store/catalog_repository.hpp"

namespace motcua::app {

namespace {

ProcedureMatch item(const store::ProcedureVersionRow& row, const char* match) {
  return {row.code, row.version, row.name, row.field, row.level, match};
}

// Nothing matched, not even with the typos search forgives: the names nearest to what was typed,
// closest first (then shorter names), marked "suggested" so the page asks "did you mean".
std::vector<ProcedureMatch> suggestions(const std::vector<store::ProcedureVersionRow>& rows,
                                        const std::string& folded_query, int limit) {
  std::vector<std::pair<int, const store::ProcedureVersionRow*>> scored;
  for (const auto& row : rows) {
    if (const auto distance = text::suggestion_distance(folded_query, row.name_folded)) {
      scored.emplace_back(*distance, &row);
    }
  }
  std::sort(scored.begin(), scored.end(), [](const auto& a, const auto& b) {
    if (a.first != b.first) return a.first < b.first;
    const auto la = a.second->name.size(), lb = b.second->name.size();
    return la != lb ? la < lb : a.second->code < b.second->code;
  });
  std::vector<ProcedureMatch> out;
  const auto most = std::min<std::size_t>(kSuggestionsAtMost, static_cast<std::size_t>(limit));
  for (const auto& [distance, row] : scored) {
    if (out.size() >= most) break;
    out.push_back(item(*row, "suggested"));
  }
  return out;
}

}  // namespace

std::vector<ProcedureMatch> search_procedures(store::SqlConnection& db, const std::string& q,
                                              int limit) {
  const auto words = text::search_tokens(q);
  std::vector<ProcedureMatch> out;
  std::set<std::string> found;
  for (const auto& row : store::search_latest_procedures(db, q, words, limit)) {
    found.insert(row.code);
    out.push_back(item(row, "exact"));
  }
  if (words.empty() || out.size() >= kFuzzyFallbackBelow ||
      out.size() >= static_cast<std::size_t>(limit)) {
    return out;
  }
  std::string folded_query;
  for (const auto& w : words) folded_query += (folded_query.empty() ? "" : " ") + w;
  std::vector<store::ProcedureVersionRow> close;
  auto latest = store::latest_procedures(db);
  // Most names share no piece of some query word: skipped before fuzzy_match tokenizes them.
  const text::FuzzyPrefilter prefilter(words);
  for (auto& row : latest) {
    if (found.count(row.code) == 0 && prefilter.may_match(row.name_folded) &&
        text::fuzzy_match(folded_query, row.name_folded))
      close.push_back(std::move(row));
  }
  if (out.empty() && close.empty()) return suggestions(latest, folded_query, limit);
  // Shorter names first, as for exact matches: a short name matching every word is the closer one.
  std::sort(close.begin(), close.end(), [](const auto& a, const auto& b) {
    const auto la = a.name.size(), lb = b.name.size();
    return la != lb ? la < lb : a.code < b.code;
  });
  for (const auto& row : close) {
    if (out.size() >= static_cast<std::size_t>(limit)) break;
    out.push_back(item(row, "fuzzy"));
  }
  return out;
}

}  // namespace motcua::app
