#include "store/periodic_report_queries.hpp"

#include "store/catalog_repository.hpp"

namespace motcua::store {

namespace {

// Parameters, in order: start x4 (carried, new x3), end x4 (resolved x3, open... see below).
// A dossier is in the period's books when received before its end and not finished before its
// start; it is then exactly one of carried over / newly received, and exactly one of resolved /
// still open at the end.
constexpr const char* kPeriodic =
    "SELECT o.agency_id, o.procedure_code, "
    "SUM(CASE WHEN o.received_s < ? THEN 1 ELSE 0 END), "
    "SUM(CASE WHEN o.received_s >= ? AND o.channel = 'online' THEN 1 ELSE 0 END), "
    "SUM(CASE WHEN o.received_s >= ? AND o.channel = 'counter' THEN 1 ELSE 0 END), "
    "SUM(CASE WHEN o.received_s >= ? AND o.channel = 'post' THEN 1 ELSE 0 END), "
    "SUM(CASE WHEN o.finished_s < ? AND o.outcome = 'early' THEN 1 ELSE 0 END), "
    "SUM(CASE WHEN o.finished_s < ? AND o.outcome = 'on_time' THEN 1 ELSE 0 END), "
    "SUM(CASE WHEN o.finished_s < ? AND o.outcome = 'late' THEN 1 ELSE 0 END), "
    // Open at the end: still open now, or finished after the end. Overdue at `judged_at` when an
    // open dossier's overdue instant has come, or a dossier that later finished late was past its
    // Decision 766 due date already.
    // Every comparison is guarded by IS NOT NULL: a paused dossier has no overdue instant, and a
    // NULL inside NOT (...) would drop it from both columns.
    "SUM(CASE WHEN (o.finished_s IS NULL OR o.finished_s >= ?) AND NOT ("
    "(o.finished_s IS NULL AND o.overdue_from_s IS NOT NULL AND o.overdue_from_s <= ?) OR "
    "(o.finished_s IS NOT NULL AND o.outcome = 'late' AND o.due_766_s IS NOT NULL "
    "AND o.due_766_s < ?)) THEN 1 ELSE 0 END), "
    "SUM(CASE WHEN (o.finished_s IS NULL OR o.finished_s >= ?) AND ("
    "(o.finished_s IS NULL AND o.overdue_from_s IS NOT NULL AND o.overdue_from_s <= ?) OR "
    "(o.finished_s IS NOT NULL AND o.outcome = 'late' AND o.due_766_s IS NOT NULL "
    "AND o.due_766_s < ?)) THEN 1 ELSE 0 END), "
    "SUM(CASE WHEN o.finished_s < ? AND o.outcome = 'late' AND o.late_cause = 'agency' "
    "THEN 1 ELSE 0 END), "
    "SUM(CASE WHEN o.finished_s < ? AND o.outcome = 'late' AND o.late_cause = 'official' "
    "THEN 1 ELSE 0 END), "
    "SUM(CASE WHEN o.finished_s < ? AND o.outcome = 'late' AND o.late_cause = 'other_agency' "
    "THEN 1 ELSE 0 END), "
    "SUM(CASE WHEN o.finished_s < ? AND o.outcome = 'late' AND o.late_cause = 'applicant' "
    "THEN 1 ELSE 0 END) "
    "FROM dossier_outcomes o WHERE o.received_s < ? AND (o.finished_s IS NULL OR o.finished_s >= "
    "?)";

constexpr const char* kField =
    "SELECT field FROM procedures WHERE code = ? ORDER BY version DESC LIMIT 1";

}  // namespace

std::vector<PeriodicCounts> periodic_counts(SqlConnection& db,
                                            const std::vector<std::string>& agency_ids,
                                            std::int64_t start_s, std::int64_t end_s,
                                            std::int64_t judged_at_s) {
  if (agency_ids.empty()) return {};
  std::vector<SqlValue> params{start_s, start_s,     start_s,     start_s,     end_s,
                               end_s,   end_s,       end_s,       judged_at_s, judged_at_s,
                               end_s,   judged_at_s, judged_at_s, end_s,       end_s,
                               end_s,   end_s,       end_s,       start_s};
  std::string sql = kPeriodic;
  sql += " AND o.agency_id IN (";
  for (std::size_t i = 0; i < agency_ids.size(); ++i) {
    sql += i == 0 ? "?" : ", ?";
    params.emplace_back(agency_ids[i]);
  }
  sql += ") GROUP BY o.agency_id, o.procedure_code ORDER BY o.agency_id, o.procedure_code";
  std::vector<PeriodicCounts> out;
  for (const auto& r : db.query(sql, params)) {
    PeriodicCounts c;
    c.agency_id = r.text(0);
    c.procedure_code = r.text(1);
    c.carried_over = r.integer(2);
    c.online = r.integer(3);
    c.counter = r.integer(4);
    c.post = r.integer(5);
    c.early = r.integer(6);
    c.on_time = r.integer(7);
    c.late = r.integer(8);
    c.open_within = r.integer(9);
    c.open_overdue = r.integer(10);
    c.late_agency = r.integer(11);
    c.late_official = r.integer(12);
    c.late_other_agency = r.integer(13);
    c.late_applicant = r.integer(14);
    out.push_back(std::move(c));
  }
  return out;
}

std::string procedure_field(SqlConnection& db, const std::string& code) {
  const auto row = db.query_one(kField, {code});
  return row ? row->text(0) : std::string();
}

}  // namespace motcua::store
