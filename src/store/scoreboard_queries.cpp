#include "store/scoreboard_queries.hpp"

namespace motcua::store {

namespace {

// The ratings counted in the monthly rollup (migration 0071), by the month a dossier was received,
// as the on-time figures are: a few hundred rollup rows a month, whatever the number of ratings.
std::string ratings_grouped_by(const char* group) {
  return std::string("SELECT ") + group +
         ", COALESCE(SUM(o.rated), 0), COALESCE(SUM(o.rated_satisfied), 0) "
         "FROM dossier_outcome_months o "
         "WHERE o.received_month >= ? AND o.received_month <= ?";
}

}  // namespace

std::vector<RatingCounts> rating_counts(SqlConnection& db, const OutcomeScope& scope) {
  std::vector<SqlValue> params{scope.from_month, scope.to_month};
  std::string sql =
      ratings_grouped_by("o.received_month") + agency_in_clause(scope, "o.agency_id", params);
  sql += " GROUP BY o.received_month HAVING SUM(o.rated) > 0 ORDER BY o.received_month";
  std::vector<RatingCounts> out;
  for (const auto& r : db.query(sql, params)) {
    out.push_back({r.text(0), r.integer(1), r.integer(2)});
  }
  return out;
}

std::map<std::string, RatingCounts> rating_counts_by_agency(SqlConnection& db,
                                                            const OutcomeScope& scope) {
  std::map<std::string, RatingCounts> out;
  for (const auto& r :
       db.query(ratings_grouped_by("o.agency_id") + " GROUP BY o.agency_id HAVING SUM(o.rated) > 0",
                {scope.from_month, scope.to_month})) {
    out[r.text(0)] = {"", r.integer(1), r.integer(2)};
  }
  return out;
}

}  // namespace motcua::store
