#include "store/scoreboard_queries.hpp"

namespace motcua::store {

namespace {

// Ratings joined to the read model, so a rating counts in the month its dossier was received,
// as the on-time figures do.
std::string ratings_grouped_by(const char* group) {
  return std::string("SELECT ") + group +
         ", COUNT(*), SUM(CASE WHEN r.overall >= 3 THEN 1 ELSE 0 END) "
         "FROM dossier_ratings r JOIN dossiers d ON d.id = r.dossier_id "
         "JOIN dossier_outcomes o ON o.dossier_key = d.key "
         "WHERE o.received_month >= ? AND o.received_month <= ?";
}

}  // namespace

std::vector<RatingCounts> rating_counts(SqlConnection& db, const OutcomeScope& scope) {
  std::vector<SqlValue> params{scope.from_month, scope.to_month};
  std::string sql =
      ratings_grouped_by("o.received_month") + agency_in_clause(scope, "o.agency_id", params);
  sql += " GROUP BY o.received_month ORDER BY o.received_month";
  std::vector<RatingCounts> out;
  for (const auto& r : db.query(sql, params)) {
    out.push_back({r.text(0), r.integer(1), r.integer(2)});
  }
  return out;
}

std::map<std::string, RatingCounts> rating_counts_by_agency(SqlConnection& db,
                                                            const OutcomeScope& scope) {
  std::map<std::string, RatingCounts> out;
  for (const auto& r : db.query(ratings_grouped_by("o.agency_id") + " GROUP BY o.agency_id",
                                {scope.from_month, scope.to_month})) {
    out[r.text(0)] = {"", r.integer(1), r.integer(2)};
  }
  return out;
}

}  // namespace motcua::store
