#include "store/index_766_queries.hpp"

namespace motcua::store {

namespace {

// Each flag is 0/1 (CASE over EXISTS) so both engines answer an integer. The sync row is the
// outbox row of the National Portal topic keyed by the dossier (app/portal/portal_sync.cpp).
constexpr const char* kDossierFacts =
    "SELECT o.dossier_id, COALESCE(d.code, ''), o.procedure_code, "
    "CASE WHEN o.channel = 'online' THEN 1 ELSE 0 END, "
    "CASE WHEN o.outcome IN ('early', 'on_time') OR (o.outcome = 'open' AND "
    "(o.overdue_from_s IS NULL OR o.overdue_from_s > ?)) THEN 1 ELSE 0 END, "
    "CASE WHEN o.outcome = 'late' OR (o.outcome = 'open' AND o.overdue_from_s <= ?) "
    "THEN 1 ELSE 0 END, "
    "CASE WHEN EXISTS (SELECT 1 FROM outbox x WHERE x.topic = 'national_portal.sync' "
    "AND x.order_key = o.dossier_id AND x.state = 'delivered') AND NOT EXISTS (SELECT 1 FROM "
    "outbox x WHERE x.topic = 'national_portal.sync' AND x.order_key = o.dossier_id AND "
    "x.state = 'dead') THEN 1 ELSE 0 END, "
    "CASE WHEN EXISTS (SELECT 1 FROM dossier_events e WHERE e.dossier_id = o.dossier_id AND "
    "e.type = 'payment_requested') THEN 1 ELSE 0 END, "
    "CASE WHEN EXISTS (SELECT 1 FROM payments p WHERE p.dossier_id = o.dossier_id AND "
    "p.method = 'vnpay' AND p.state = 'paid') THEN 1 ELSE 0 END, "
    "CASE WHEN EXISTS (SELECT 1 FROM papers a WHERE a.dossier_id = o.dossier_id) "
    "THEN 1 ELSE 0 END, "
    "CASE WHEN EXISTS (SELECT 1 FROM dossier_events e WHERE e.dossier_id = o.dossier_id AND "
    "e.type = 'dossier_approved') THEN 1 ELSE 0 END, "
    "CASE WHEN EXISTS (SELECT 1 FROM dossier_ratings r WHERE r.dossier_id = o.dossier_id AND "
    "r.overall <= 2) THEN 1 ELSE 0 END, "
    "CASE WHEN EXISTS (SELECT 1 FROM papers a WHERE a.dossier_id = o.dossier_id AND "
    "a.reused_from <> '') THEN 1 ELSE 0 END "
    "FROM dossier_outcomes o JOIN dossiers d ON d.id = o.dossier_id "
    "WHERE o.received_month >= ? AND o.received_month <= ?";

constexpr const char* kInputColumns =
    "SELECT procedure_code, input_key, value, source, recorded_by, recorded_at "
    "FROM index_766_inputs";

Index766InputRow input_from(const SqlRow& r) {
  return {r.text(0), r.text(1), r.text(2), r.text(3), r.text(4), r.text(5)};
}

}  // namespace

std::vector<Index766DossierRow> index_766_dossiers(SqlConnection& db, const OutcomeScope& scope,
                                                   std::int64_t now_s) {
  std::vector<SqlValue> params{now_s, now_s, scope.from_month, scope.to_month};
  std::string sql = kDossierFacts + agency_in_clause(scope, "o.agency_id", params);
  sql += " ORDER BY o.received_s, o.dossier_id";
  std::vector<Index766DossierRow> out;
  for (const auto& r : db.query(sql, params)) {
    out.push_back({r.text(0), r.text(1), r.text(2), r.integer(3) != 0, r.integer(4) != 0,
                   r.integer(5) != 0, r.integer(6) != 0, r.integer(7) != 0, r.integer(8) != 0,
                   r.integer(9) != 0, r.integer(10) != 0, r.integer(11) != 0, r.integer(12) != 0});
  }
  return out;
}

std::vector<Index766ProcedureRow> index_766_procedures(SqlConnection& db,
                                                       const OutcomeScope& scope) {
  // The catalogue document lists its channels as {"channel":"online",...} (codec/catalog_json).
  std::vector<SqlValue> params;
  std::string sql =
      "SELECT DISTINCT pr.procedure_code, CASE WHEN EXISTS (SELECT 1 FROM procedures c WHERE "
      "c.code = pr.procedure_code AND c.version = (SELECT MAX(v.version) FROM procedures v WHERE "
      "v.code = pr.procedure_code) AND c.document LIKE '%\"channel\":\"online\"%') THEN 1 ELSE 0 "
      "END FROM processes pr WHERE 1 = 1" +
      agency_in_clause(scope, "pr.agency_id", params) + " ORDER BY pr.procedure_code";
  std::vector<Index766ProcedureRow> out;
  for (const auto& r : db.query(sql, params)) out.push_back({r.text(0), r.integer(1) != 0});
  return out;
}

std::vector<Index766FeedbackRow> index_766_feedback(SqlConnection& db, const OutcomeScope& scope) {
  // received_at is local ISO time, so its first seven characters are the month of receipt.
  std::vector<SqlValue> params{scope.from_month, scope.to_month};
  std::string sql =
      "SELECT id, status, received_at, answer_due, answered_at, clock_started_at, paused_seconds, "
      "rejected_at, info_requested_at, forwarded_at, published_at, answer_working_days, "
      "procedure_code FROM feedback "
      "WHERE substr(received_at, 1, 7) >= ? AND substr(received_at, 1, 7) <= ?" +
      agency_in_clause(scope, "agency_id", params) + " ORDER BY received_at, id";
  std::vector<Index766FeedbackRow> out;
  for (const auto& r : db.query(sql, params)) {
    out.push_back({r.text(0), r.text(1), r.text(2), r.text(3), r.optional_text(4), r.text(5),
                   r.integer(6), r.text(7), r.text(8), r.text(9), r.text(10), r.integer(11),
                   r.text(12)});
  }
  return out;
}

std::vector<Index766InputRow> index_766_inputs(SqlConnection& db) {
  std::vector<Index766InputRow> out;
  for (const auto& r :
       db.query(std::string(kInputColumns) + " ORDER BY procedure_code, input_key")) {
    out.push_back(input_from(r));
  }
  return out;
}

std::optional<Index766InputRow> find_index_766_input(SqlConnection& db,
                                                     const std::string& procedure_code,
                                                     const std::string& input_key) {
  const auto r =
      db.query_one(std::string(kInputColumns) + " WHERE procedure_code = ? AND input_key = ?",
                   {procedure_code, input_key});
  if (!r) return std::nullopt;
  return input_from(*r);
}

void put_index_766_input(SqlConnection& db, const Index766InputRow& row) {
  db.execute(
      "INSERT INTO index_766_inputs(procedure_code, input_key, value, source, recorded_by, "
      "recorded_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(procedure_code, input_key) DO UPDATE "
      "SET value = excluded.value, source = excluded.source, recorded_by = excluded.recorded_by, "
      "recorded_at = excluded.recorded_at",
      {row.procedure_code, row.input_key, row.value, row.source, row.recorded_by, row.recorded_at});
}

bool delete_index_766_input(SqlConnection& db, const std::string& procedure_code,
                            const std::string& input_key) {
  return db.execute("DELETE FROM index_766_inputs WHERE procedure_code = ? AND input_key = ?",
                    {procedure_code, input_key}) > 0;
}

}  // namespace motcua::store
