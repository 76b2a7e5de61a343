#include "app/queries/procedure_search.hpp"

#include <algorithm>
#include <set>

#include "domain/text/fold.hpp"
#include "domain/text/fuzzy.hpp"
#include "store/catalog_repository.hpp"

namespace motcua::app {

namespace {

ProcedureMatch item(const store::ProcedureVersionRow& row, const char* match) {
  return {row.code, row.version, row.name, row.field, row.level, match};
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
  for (auto& row : store::latest_procedures(db)) {
    if (found.count(row.code) == 0 && text::fuzzy_match(folded_query, row.name_folded))
      close.push_back(std::move(row));
  }
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
