// The dossier ratings behind the public scoreboard's satisfaction figure (app/statistics/
// statistics_scoreboard.cpp): per month of receipt, how many received dossiers of the scope were
// rated and how many of those were rated satisfied (3 to 5 of 5; 1-2 is Decision 766's "not
// satisfied", docs/rules.md section 9). Everything else on the scoreboard comes from the Decision
// 766 facts (store/index_766_queries.hpp), so both figures read the same population.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "store/sql.hpp"
#include "store/statistics_queries.hpp"

namespace motcua::store {

struct RatingCounts {
  std::string month;  // YYYY-MM of receipt
  std::int64_t rated = 0;
  std::int64_t satisfied = 0;
};
// One row per month that has a rating, in month order.
std::vector<RatingCounts> rating_counts(SqlConnection& db, const OutcomeScope& scope);

// The same over the months of `scope` (its agencies ignored), one row per agency that received a
// rated dossier (`month` left empty): the whole scoreboard's ratings in one pass over them, where
// one query per agency read every rating of the period once per agency.
std::map<std::string, RatingCounts> rating_counts_by_agency(SqlConnection& db,
                                                            const OutcomeScope& scope);

}  // namespace motcua::store
