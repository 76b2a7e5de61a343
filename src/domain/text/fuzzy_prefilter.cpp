#include "domain/text/fuzzy_prefilter.hpp"

#include <algorithm>

#include "domain/text/fuzzy.hpp"
#include "domain/text/utf8.hpp"

namespace motcua::text {

namespace {

bool same_letter(char a, char b) {
  return a == b || ((a == 'i' || a == 'y') && (b == 'i' || b == 'y'));
}

bool occurs(std::string_view text, const std::string& piece) {
  return std::search(text.begin(), text.end(), piece.begin(), piece.end(), same_letter) !=
         text.end();
}

}  // namespace

FuzzyPrefilter::FuzzyPrefilter(const std::vector<std::string>& folded_words) {
  for (const auto& word : folded_words) {
    const std::u32string points = to_code_points(word);
    // The same budget fuzzy_match allows this word.
    const auto parts = static_cast<std::size_t>(typo_budget(points.size())) + 1;
    std::vector<std::string> pieces;
    std::size_t from = 0;
    for (std::size_t p = 0; p < parts; ++p) {
      const std::size_t to = points.size() * (p + 1) / parts;
      std::string piece;
      for (std::size_t i = from; i < to; ++i) append_utf8(piece, points[i]);
      pieces.push_back(std::move(piece));
      from = to;
    }
    pieces_.push_back(std::move(pieces));
  }
}

bool FuzzyPrefilter::may_match(std::string_view folded_text) const {
  return std::all_of(pieces_.begin(), pieces_.end(), [&](const std::vector<std::string>& pieces) {
    return std::any_of(pieces.begin(), pieces.end(),
                       [&](const std::string& piece) { return occurs(folded_text, piece); });
  });
}

}  // namespace motcua::text
