// An in-memory word index over a list of folded names, for the typo-forgiving procedure search
// and its "did you mean" (docs/performance.md "Procedure search (issue 17)"). Both compare each
// query word with the words of a name one by one (text::fuzzy_word_match, the suggestion
// budget), so they can be answered from the distinct words of all names (a few thousand
// syllables for the whole catalog) and the names each word occurs in, instead of tokenizing and
// comparing every name for every query. The answers are exactly those of fuzzy_match and
// suggestion_distance applied to each name (tests: name_index_test.cpp).
#pragma once

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

namespace motcua::text {

class NameIndex {
 public:
  // `folded_names`: the names as fold_vietnamese gives them; a name's id is its position.
  explicit NameIndex(const std::vector<std::string>& folded_names);

  // The ids, ascending, of the names for which fuzzy_match(query, name) holds, `query_words`
  // being search_tokens(query). No words: every name (fuzzy_match's answer).
  std::vector<std::size_t> fuzzy_matches(const std::vector<std::string>& query_words) const;

  // (suggestion_distance(query, name), id) of every name that has one, ids ascending.
  std::vector<std::pair<int, std::size_t>> suggestions(
      const std::vector<std::string>& query_words) const;

  std::size_t size() const { return names_; }
  std::size_t distinct_words() const { return words_.size(); }

 private:
  struct Word {
    std::string text;
    std::u32string points;
    std::vector<std::size_t> names;  // ascending, each once
  };
  std::vector<Word> words_;
  std::size_t names_ = 0;
};

}  // namespace motcua::text
