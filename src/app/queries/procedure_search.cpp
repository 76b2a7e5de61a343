#include "app/queries/procedure_search.hpp"

#include <algorithm>
#include <set>
#include <utility>

#include "app/queries/procedure_names.hpp"
#include "domain/text/fold.hpp"
#include "store/catalog_repository.hpp"

namespace motcua::app {

namespace {

ProcedureMatch item(const store::ProcedureVersionRow& row, const char* match) {
  return {row.code, row.version, row.name, row.field, row.level, match};
}

// Shorter names first, then code: a short name matching every word is the closer one.
bool shorter_name(const store::ProcedureVersionRow& a, const store::ProcedureVersionRow& b) {
  const auto la = a.name.size(), lb = b.name.size();
  return la != lb ? la < lb : a.code < b.code;
}

// Nothing matched, not even with the typos search forgives: the names nearest to what was typed,
// closest first (then shorter names), marked "suggested" so the page asks "did you mean".
std::vector<ProcedureMatch> suggestions(const ProcedureNames& names,
                                        const std::vector<std::string>& words, int limit) {
  auto scored = names.index.suggestions(words);
  std::sort(scored.begin(), scored.end(), [&](const auto& a, const auto& b) {
    if (a.first != b.first) return a.first < b.first;
    return shorter_name(names.rows[a.second], names.rows[b.second]);
  });
  std::vector<ProcedureMatch> out;
  const auto most = std::min<std::size_t>(kSuggestionsAtMost, static_cast<std::size_t>(limit));
  for (const auto& [distance, id] : scored) {
    if (out.size() >= most) break;
    out.push_back(item(names.rows[id], "suggested"));
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
  // The typo-forgiving match over every newest name, from the in-memory word index.
  const auto names = procedure_names(db);
  std::vector<const store::ProcedureVersionRow*> close;
  for (const auto id : names->index.fuzzy_matches(words)) {
    const auto& row = names->rows[id];
    if (found.count(row.code) == 0) close.push_back(&row);
  }
  if (out.empty() && close.empty()) return suggestions(*names, words, limit);
  std::sort(close.begin(), close.end(),
            [](const auto* a, const auto* b) { return shorter_name(*a, *b); });
  for (const auto* row : close) {
    if (out.size() >= static_cast<std::size_t>(limit)) break;
    out.push_back(item(*row, "fuzzy"));
  }
  return out;
}

}  // namespace motcua::app
