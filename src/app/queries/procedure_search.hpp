// Procedure search for the citizen portal's search box: accent-insensitive, and forgiving of typos.
// First the exact folded match (every folded word of the query inside the folded name, or a code
// prefix), which the index narrows quickly; when it finds fewer than kFuzzyFallbackBelow
// procedures, the latest versions are scanned with text::fuzzy_match ("dang ki khai sin" finds
// "Đăng ký khai sinh") and the close matches follow the exact ones.
#pragma once

#include <string>
#include <vector>

#include "app/queries/officer_views.hpp"
#include "store/sql.hpp"

namespace motcua::app {

inline constexpr std::size_t kFuzzyFallbackBelow = 5;
// When neither finds anything, up to this many of the nearest names (text::suggestion_distance)
// are answered with match "suggested": the page offers them as "did you mean".
inline constexpr std::size_t kSuggestionsAtMost = 5;

// Exact matches first, then the close ones.
std::vector<ProcedureMatch> search_procedures(store::SqlConnection& db, const std::string& q,
                                              int limit);

}  // namespace motcua::app
