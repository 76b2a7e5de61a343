#include "store/evaluation_queries.hpp"

#include <unordered_map>

namespace motcua::store {

namespace {

// The catalogue document is stored as compact JSON (codec/procedure_json): the decision number is
// known when the key is there and its value is not the empty string.
constexpr const char* kDecisionKnown =
    "c.document LIKE '%\"decision\":\"%' AND c.document NOT LIKE '%\"decision\":\"\"%'";

// The facts of a dossier; the two catalogue facts (in the catalogue, decision known) are the
// caller's expressions.
std::string dossier_columns(const char* in_catalog, const char* decided) {
  return std::string(
             "SELECT d.id, COALESCE(d.code, ''), o.agency_id, o.procedure_code, o.received_month, "
             "o.outcome, CASE WHEN o.channel = 'online' THEN 1 ELSE 0 END, "
             "CASE WHEN o.outcome = 'late' OR (o.outcome = 'open' AND o.overdue_from_s <= ?) "
             "THEN 1 ELSE 0 END, "
             "CASE WHEN d.receiving_unit_id IS NOT NULL OR o.channel IN ('online', 'post') "
             "THEN 1 ELSE 0 END, ") +
         in_catalog + ", " + decided + ", r.points_contacts, r.points_bodies, r.points_attitude ";
}

constexpr const char* kDossierJoins =
    "FROM dossier_outcomes o JOIN dossiers d ON d.key = o.dossier_key "
    "LEFT JOIN dossier_ratings r ON r.dossier_id = d.id ";

// The catalogue facts once per procedure (the latest version of each), not once per dossier;
// they were a third of the evaluation's time at 500,000 dossiers (docs/performance.md). Read apart
// and matched in C++: joined to the dossiers as a materialised table, the plan depended on
// SQLite's guess of how many dossiers a scope holds, and without statistics it scanned the
// table's 2,849 rows for every dossier (5 s instead of 0.2 s at 100,000).
std::string procedure_facts_sql() {
  return std::string("SELECT c.code, CASE WHEN ") + kDecisionKnown +
         " THEN 1 ELSE 0 END FROM procedures c WHERE c.version = "
         "(SELECT MAX(v.version) FROM procedures v WHERE v.code = c.code)";
}

// A period's dossiers, the catalogue facts left to procedure_facts_sql.
std::string period_sql() { return dossier_columns("0", "0") + kDossierJoins; }

// One dossier: the catalogue facts read for its procedure alone.
std::string one_dossier_sql() {
  return dossier_columns("in_catalog", "decided") +
         "FROM (SELECT o.*, CASE WHEN EXISTS (SELECT 1 FROM " +
         "procedures c WHERE c.code = o.procedure_code) THEN 1 ELSE 0 END AS in_catalog, " +
         "CASE WHEN EXISTS (SELECT 1 FROM procedures c WHERE c.code = o.procedure_code AND " +
         "c.version = (SELECT MAX(v.version) FROM procedures v WHERE v.code = o.procedure_code) " +
         "AND " + kDecisionKnown + ") THEN 1 ELSE 0 END AS decided FROM dossier_outcomes o " +
         "WHERE o.dossier_key = (SELECT k.key FROM dossiers k WHERE k.id = ?)) o " +
         "JOIN dossiers d ON d.key = o.dossier_key LEFT JOIN dossier_ratings r ON r.dossier_id = "
         "d.id";
}

EvaluationDossierRow dossier_from(const SqlRow& r) {
  EvaluationDossierRow row{r.text(0),
                           r.text(1),
                           r.text(2),
                           r.text(3),
                           r.text(4),
                           r.text(5),
                           r.integer(6) != 0,
                           r.integer(7) != 0,
                           r.integer(8) != 0,
                           !r.is_null(9) && r.integer(9) != 0,
                           !r.is_null(10) && r.integer(10) != 0,
                           std::nullopt};
  if (!r.is_null(11)) {
    row.rating = EvaluationRating{static_cast<int>(r.integer(11)), static_cast<int>(r.integer(12)),
                                  static_cast<int>(r.integer(13))};
  }
  return row;
}

}  // namespace

std::vector<EvaluationDossierRow> evaluation_dossiers(SqlConnection& db, const OutcomeScope& scope,
                                                      std::int64_t now_s) {
  std::vector<SqlValue> params{now_s, scope.from_month, scope.to_month};
  std::string sql = period_sql() + "WHERE o.received_month >= ? AND o.received_month <= ?" +
                    agency_in_clause(scope, "o.agency_id", params) + " ORDER BY o.received_s, d.id";
  std::unordered_map<std::string, bool> decision_known;  // a code in the catalogue
  for (const auto& r : db.query(procedure_facts_sql())) {
    decision_known.emplace(r.text(0), r.integer(1) != 0);
  }
  std::vector<EvaluationDossierRow> out;
  for (const auto& r : db.query(sql, params)) {
    auto row = dossier_from(r);
    if (const auto it = decision_known.find(row.procedure_code); it != decision_known.end()) {
      row.in_catalog = true;
      row.decision_known = it->second;
    }
    out.push_back(std::move(row));
  }
  return out;
}

std::optional<EvaluationDossierRow> evaluation_dossier(SqlConnection& db,
                                                       const std::string& dossier_id,
                                                       std::int64_t now_s) {
  const auto r = db.query_one(one_dossier_sql(), {now_s, dossier_id});
  if (!r) return std::nullopt;
  return dossier_from(*r);
}

std::vector<EvaluationStepRow> evaluation_steps(SqlConnection& db, const OutcomeScope& scope) {
  std::vector<SqlValue> params{scope.from_month, scope.to_month};
  std::string sql =
      "SELECT d.id, t.term, s.result FROM dossier_step_outcomes s "
      "JOIN dossier_outcomes o ON o.dossier_key = s.dossier_key "
      "JOIN dossiers d ON d.key = s.dossier_key JOIN outcome_terms t ON t.id = s.party_id "
      "WHERE s.ended_s IS NOT NULL AND o.received_month >= ? AND o.received_month <= ?" +
      agency_in_clause(scope, "o.agency_id", params) + " ORDER BY d.id, s.idx";
  std::vector<EvaluationStepRow> out;
  for (const auto& r : db.query(sql, params)) out.push_back({r.text(0), r.text(1), r.text(2)});
  return out;
}

std::vector<EvaluationFeedbackRow> evaluation_feedback(SqlConnection& db,
                                                       const OutcomeScope& scope) {
  // received_at is local ISO time, so its first seven characters are the month of receipt.
  std::vector<SqlValue> params{scope.from_month, scope.to_month};
  std::string sql =
      "SELECT agency_id, procedure_code, answer_due, answered_at FROM feedback "
      "WHERE substr(received_at, 1, 7) >= ? AND substr(received_at, 1, 7) <= ?" +
      agency_in_clause(scope, "agency_id", params) + " ORDER BY received_at, id";
  std::vector<EvaluationFeedbackRow> out;
  for (const auto& r : db.query(sql, params)) {
    out.push_back({r.text(0), r.text(1), r.text(2), r.optional_text(3)});
  }
  return out;
}

std::vector<EvaluationProcedureRow> evaluation_procedures(SqlConnection& db,
                                                          const OutcomeScope& scope) {
  // The catalogue document lists its channels as {"channel":"online",...} (codec/catalog_json).
  std::vector<SqlValue> params;
  std::string sql =
      "SELECT DISTINCT pr.agency_id, pr.procedure_code, CASE WHEN EXISTS (SELECT 1 FROM "
      "procedures c WHERE c.code = pr.procedure_code AND c.version = (SELECT MAX(v.version) FROM "
      "procedures v WHERE v.code = pr.procedure_code) AND c.document LIKE "
      "'%\"channel\":\"online\"%') THEN 1 ELSE 0 END FROM processes pr WHERE 1 = 1" +
      agency_in_clause(scope, "pr.agency_id", params) + " ORDER BY pr.agency_id, pr.procedure_code";
  std::vector<EvaluationProcedureRow> out;
  for (const auto& r : db.query(sql, params)) {
    out.push_back({r.text(0), r.text(1), r.integer(2) != 0});
  }
  return out;
}

}  // namespace motcua::store
