// A cheap necessary condition for fuzzy_match, so the typo-forgiving search can skip most names
// without tokenizing them (the search scans every newest procedure name when the exact match finds
// few: issue 17, docs/performance.md "Procedure search (issue 17)").
//
// Why it never drops a match: a word within k edits of a query word contains, unchanged, one of
// k + 1 disjoint pieces of that query word (each edit touches at most one piece); an equal word
// or a word the last query word begins contains the whole query word. So a name matches only if,
// for every query word, one of its pieces occurs somewhere in the folded name (i and y compared
// as the same letter, as fuzzy_match does).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace motcua::text {

class FuzzyPrefilter {
 public:
  // `folded_words`: the query as text::search_tokens gives it.
  explicit FuzzyPrefilter(const std::vector<std::string>& folded_words);

  // False only when fuzzy_match(query, folded_text) is false; `folded_text` already folded.
  bool may_match(std::string_view folded_text) const;

 private:
  // Per query word, its pieces (one of them must occur).
  std::vector<std::vector<std::string>> pieces_;
};

}  // namespace motcua::text
