// "Did you mean" for a search that found nothing: how close a name is to what was typed, looser
// than fuzzy_match ("khai snh" has a typo in a three-letter word, which search does not forgive)
// but only used to propose names, never to claim a match.
#pragma once

#include <optional>
#include <string_view>

namespace motcua::text {

// Typos tolerated per query word when suggesting: one from three code points ("snh" / "sinh"),
// two from six, three from ten; words of one or two code points must be exact.
int suggestion_budget(std::size_t code_points);

// The sum, over the words of `query`, of the edit distance to their nearest word of `text` (both
// folded here; lower is closer), or nullopt when some query word has no word of `text` within
// its suggestion budget, or the query has no words.
std::optional<int> suggestion_distance(std::string_view query, std::string_view text);

}  // namespace motcua::text
