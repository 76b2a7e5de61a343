#include "store/index_766_queries.hpp"

#include <algorithm>
#include <tuple>

namespace motcua::store {

namespace {

// Each flag is 0/1 (CASE over EXISTS) so both engines answer an integer. The sync row is the
// outbox row of the National Portal topic keyed by the dossier (app/portal/portal_sync.cpp).
constexpr const char* kDossierFacts =
    "SELECT d.id, COALESCE(d.code, ''), o.procedure_code, "
    "CASE WHEN o.channel = 'online' THEN 1 ELSE 0 END, "
    "CASE WHEN o.outcome IN ('early', 'on_time') OR (o.outcome = 'open' AND "
    "(o.overdue_from_s IS NULL OR o.overdue_from_s > ?)) THEN 1 ELSE 0 END, "
    "CASE WHEN o.outcome = 'late' OR (o.outcome = 'open' AND o.overdue_from_s <= ?) "
    "THEN 1 ELSE 0 END, "
    // One probe of the dossier's sync rows (outbox_order): one delivered and none dead. Two
    // EXISTS on the state let SQLite seek outbox_due (topic, state) instead: every delivered sync
    // row of the province read per dossier.
    // Rows pruned after delivery left the dossier in portal_sync_delivered (migration 0057).
    "CASE COALESCE((SELECT MAX(CASE x.state WHEN 'dead' THEN 2 WHEN 'delivered' THEN 1 "
    "ELSE 0 END) FROM outbox x WHERE x.topic = 'national_portal.sync' AND "
    "x.order_key = d.id), 0) WHEN 1 THEN 1 WHEN 2 THEN 0 ELSE CASE WHEN EXISTS (SELECT "
    "1 FROM portal_sync_delivered k WHERE k.dossier_id = d.id) THEN 1 ELSE 0 END END, "
    // Event types are ids into event_terms (migration 0062): one lookup of the term, evaluated
    // once per statement. Events name the dossier by its key (migration 0063): d's, joined below.
    "CASE WHEN EXISTS (SELECT 1 FROM dossier_events e WHERE e.dossier_key = d.key AND "
    "e.type_id = (SELECT t.id FROM event_terms t WHERE t.term = 'payment_requested')) "
    "THEN 1 ELSE 0 END, "
    "CASE WHEN EXISTS (SELECT 1 FROM payments p WHERE p.dossier_id = d.id AND "
    "p.method = 'vnpay' AND p.state = 'paid') THEN 1 ELSE 0 END, "
    "CASE WHEN EXISTS (SELECT 1 FROM papers a WHERE a.dossier_id = d.id) "
    "THEN 1 ELSE 0 END, "
    "CASE WHEN EXISTS (SELECT 1 FROM dossier_events e WHERE e.dossier_key = d.key AND "
    "e.type_id = (SELECT t.id FROM event_terms t WHERE t.term = 'dossier_approved')) "
    "THEN 1 ELSE 0 END, "
    "CASE WHEN EXISTS (SELECT 1 FROM dossier_ratings r WHERE r.dossier_id = d.id AND "
    "r.overall <= 2) THEN 1 ELSE 0 END, "
    "CASE WHEN EXISTS (SELECT 1 FROM papers a WHERE a.dossier_id = d.id AND "
    "a.reused_from <> '') THEN 1 ELSE 0 END "
    "FROM dossier_outcomes o JOIN dossiers d ON d.key = o.dossier_key "
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
  sql += " ORDER BY o.received_s, d.id";
  std::vector<Index766DossierRow> out;
  for (const auto& r : db.query(sql, params)) {
    out.push_back({r.text(0), r.text(1), r.text(2), r.integer(3) != 0, r.integer(4) != 0,
                   r.integer(5) != 0, r.integer(6) != 0, r.integer(7) != 0, r.integer(8) != 0,
                   r.integer(9) != 0, r.integer(10) != 0, r.integer(11) != 0, r.integer(12) != 0});
  }
  return out;
}

namespace {

// "<o>.received_month BETWEEN ? AND ? [AND <o>.agency_id IN (...)] [AND <o>.procedure_code = ?]"
// with its parameters appended.
std::string counts_scope(const OutcomeScope& scope, const std::string& procedure_code,
                         const std::string& alias, std::vector<SqlValue>& params) {
  std::string sql = alias + ".received_month >= ? AND " + alias + ".received_month <= ?";
  params.emplace_back(scope.from_month);
  params.emplace_back(scope.to_month);
  sql += agency_in_clause(scope, (alias + ".agency_id").c_str(), params);
  if (!procedure_code.empty()) {
    sql += " AND " + alias + ".procedure_code = ?";
    params.emplace_back(procedure_code);
  }
  return sql;
}

}  // namespace

Index766Counts index_766_counts(SqlConnection& db, const OutcomeScope& scope,
                                const std::string& procedure_code, std::int64_t now_s) {
  Index766Counts c;
  {
    std::vector<SqlValue> params;
    const std::string sql =
        "SELECT COALESCE(SUM(o.received), 0), COALESCE(SUM(o.early + o.on_time), 0), "
        "COALESCE(SUM(o.open_count), 0), COALESCE(SUM(o.online), 0), COALESCE(SUM(o.synced), 0), "
        "COALESCE(SUM(o.fee_bearing), 0), COALESCE(SUM(o.fee_paid_online), 0), "
        "COALESCE(SUM(o.digitised), 0), COALESCE(SUM(o.digitised_reused), 0), "
        "COALESCE(SUM(o.satisfied_finished), 0) FROM dossier_outcome_months o WHERE " +
        counts_scope(scope, procedure_code, "o", params);
    const auto r = db.query_one(sql, params);
    c.received = r->integer(0);
    c.finished_in_time = r->integer(1);
    c.open = r->integer(2);
    c.online = r->integer(3);
    c.synced = r->integer(4);
    c.fee_bearing = r->integer(5);
    c.fee_paid_online = r->integer(6);
    c.digitised = r->integer(7);
    c.digitised_reused = r->integer(8);
    c.satisfied_finished = r->integer(9);
  }
  {
    // The open rows of the months asked (covering partial index of migration 0054).
    std::vector<SqlValue> params{now_s, now_s};
    const std::string sql =
        "SELECT COALESCE(SUM(CASE WHEN o.overdue_from_s <= ? THEN 1 ELSE 0 END), 0), "
        "COALESCE(SUM(CASE WHEN (o.overdue_from_s IS NULL OR o.overdue_from_s > ?) AND "
        "o.rated_unsatisfied = 0 THEN 1 ELSE 0 END), 0) FROM dossier_outcomes o "
        "WHERE o.outcome = 'open' AND " +
        counts_scope(scope, procedure_code, "o", params);
    const auto r = db.query_one(sql, params);
    c.open_overdue = r->integer(0);
    c.open_within_satisfied = r->integer(1);
  }
  {
    // Procedures with results from the rollup; each one's first dossier with a result by one seek
    // of the partial index of migration 0054 (months of receipt follow received_s).
    std::vector<SqlValue> params;
    const auto first = [&](const char* column) {
      return std::string("(SELECT f.") + column +
             " FROM dossier_outcomes f WHERE f.has_result = 1 AND f.procedure_code = "
             "m.procedure_code AND " +
             counts_scope(scope, "", "f", params) +
             " ORDER BY f.received_month, f.received_s, f.dossier_key LIMIT 1)";
    };
    // One statement at a time: the parameters are appended in the order of the text.
    std::string sql = "SELECT m.procedure_code, m.n, " + first("received_s") + ", ";
    // Ties on the second go to the older dossier (its key, migration 0066).
    sql += first("dossier_key");
    sql +=
        " FROM (SELECT o.procedure_code, SUM(o.has_result) AS n FROM dossier_outcome_months o "
        "WHERE ";
    sql += counts_scope(scope, procedure_code, "o", params);
    sql += " GROUP BY o.procedure_code) m WHERE m.n > 0";
    std::vector<std::tuple<std::int64_t, std::int64_t, std::string, std::int64_t>> firsts;
    for (const auto& r : db.query(sql, params)) {
      firsts.emplace_back(r.integer(2), r.integer(3), r.text(0), r.integer(1));
    }
    std::sort(firsts.begin(), firsts.end());
    for (auto& [s, key, code, n] : firsts) c.results.emplace_back(std::move(code), n);
  }
  return c;
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
