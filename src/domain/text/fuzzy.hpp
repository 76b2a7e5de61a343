// Typo-tolerant matching for search boxes ("dang ki khai sin" should still find "Đăng ký khai
// sinh"). Distances are counted in code points of folded text, so a missing tone mark is not a
// typo at all and a missing letter is one.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace motcua::text {

// Levenshtein distance between a and b (insert, delete, substitute one code point), or
// max_distance + 1 as soon as it is known to exceed max_distance. O(len * max_distance).
int edit_distance_bounded(std::string_view a, std::string_view b, int max_distance);
// The same on code points already decoded (text::NameIndex keeps its words decoded).
int edit_distance_bounded(std::u32string_view a, std::u32string_view b, int max_distance);

// Typos allowed in a query word of this many code points: none up to 3 (short words are too easy
// to confuse: "xa" / "xe"), one up to 7, two beyond.
int typo_budget(std::size_t code_points);

// True when every word of `query` matches some word of `text` (both folded here): equal (i and y
// count as the same letter: kí / ký), within the word's typo budget, or, for the last query word
// only, a prefix of a text word (the user is still typing).
bool fuzzy_match(std::string_view query, std::string_view text);

// One folded query word against one folded word of a text, as fuzzy_match compares them: equal up
// to i/y, a prefix when `last`, or within the word's typo budget. `token_points` and
// `word_points` are the two words decoded.
bool fuzzy_word_match(const std::string& token, std::u32string_view token_points,
                      const std::string& word, std::u32string_view word_points, bool last);

}  // namespace motcua::text
