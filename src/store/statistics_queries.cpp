#include "store/statistics_queries.hpp"

#include <map>
#include <utility>

#include "store/catalog_repository.hpp"
#include "store/term_vocabulary.hpp"

namespace motcua::store {

namespace {

// Marked by triggers on `dossiers` (migration 0008), cleared by the refresh.
constexpr const char* kStale = "SELECT dossier_id FROM dossier_outcomes_dirty";
constexpr const char* kClearStale = "DELETE FROM dossier_outcomes_dirty WHERE dossier_id = ?";

constexpr const char* kUpsertOutcome =
    "INSERT INTO dossier_outcomes(dossier_key, version, agency_id, procedure_code, channel, "
    "received_s, received_month, finished_s, outcome, overdue_from_s, due_s, due_766_s, paused, "
    "supplement_requests, apology_reason, apology_new_due_s, flags, late_cause, "
    "synced, fee_bearing, paid_online, digitised, has_result, rated_unsatisfied, reused, rated) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
    "ON CONFLICT(dossier_key) DO UPDATE SET version = excluded.version, "
    "agency_id = excluded.agency_id, procedure_code = excluded.procedure_code, "
    "channel = excluded.channel, received_s = excluded.received_s, "
    "received_month = excluded.received_month, finished_s = excluded.finished_s, "
    "outcome = excluded.outcome, overdue_from_s = excluded.overdue_from_s, due_s = excluded.due_s, "
    "due_766_s = excluded.due_766_s, paused = excluded.paused, "
    "supplement_requests = excluded.supplement_requests, "
    "apology_reason = excluded.apology_reason, apology_new_due_s = excluded.apology_new_due_s, "
    "flags = excluded.flags, late_cause = excluded.late_cause, synced = excluded.synced, "
    "fee_bearing = excluded.fee_bearing, paid_online = excluded.paid_online, "
    "digitised = excluded.digitised, has_result = excluded.has_result, "
    "rated_unsatisfied = excluded.rated_unsatisfied, reused = excluded.reused, "
    "rated = excluded.rated";

// The Decision 766 facts of one dossier (migration 0054), each 0/1 from its own table, read when
// its outcome row is rebuilt; the tables mark the dossier stale when they change. The same probes
// as the row query of store/index_766_queries.cpp (the sync row is the outbox row of the National
// Portal topic keyed by the dossier). The id is bound eight times.
constexpr const char* kIndex766Facts =
    // One probe of the dossier's sync rows (index outbox_order: topic, order_key): 1 when one is
    // delivered and none dead. Two EXISTS on the state let SQLite seek outbox_due (topic, state)
    // instead, reading every delivered sync row of the province per dossier.
    // Rows pruned after delivery left the dossier in portal_sync_delivered (migration 0057): it
    // counts when no row left says otherwise (a dead one, or a delivered one).
    "SELECT CASE COALESCE((SELECT MAX(CASE x.state WHEN 'dead' THEN 2 WHEN 'delivered' "
    "THEN 1 ELSE 0 END) FROM outbox x WHERE x.topic = 'national_portal.sync' AND "
    "x.order_key = ?), 0) WHEN 1 THEN 1 WHEN 2 THEN 0 ELSE CASE WHEN EXISTS (SELECT 1 FROM "
    "portal_sync_delivered k WHERE k.dossier_id = ?) THEN 1 ELSE 0 END END, "
    // Event types are ids into event_terms (migration 0062): one lookup of the term, evaluated
    // once per statement. Events name the dossier by its integer key (migration 0063).
    "CASE WHEN EXISTS (SELECT 1 FROM dossier_events e WHERE e.dossier_key = (SELECT d.key FROM "
    "dossiers d WHERE d.id = ?) AND "
    "e.type_id = (SELECT t.id FROM event_terms t WHERE t.term = 'payment_requested')) "
    "THEN 1 ELSE 0 END, "
    "CASE WHEN EXISTS (SELECT 1 FROM payments p WHERE p.dossier_id = ? AND p.method = 'vnpay' AND "
    "p.state = 'paid') THEN 1 ELSE 0 END, "
    "CASE WHEN EXISTS (SELECT 1 FROM papers a WHERE a.dossier_id = ?) THEN 1 ELSE 0 END, "
    "CASE WHEN EXISTS (SELECT 1 FROM dossier_events e WHERE e.dossier_key = (SELECT d.key FROM "
    "dossiers d WHERE d.id = ?) AND "
    "e.type_id = (SELECT t.id FROM event_terms t WHERE t.term = 'dossier_approved')) "
    "THEN 1 ELSE 0 END, "
    // The rating's overall score, 0 for none: rated, and rated unsatisfied (1-2 of 5).
    "COALESCE((SELECT r.overall FROM dossier_ratings r WHERE r.dossier_id = ?), 0), "
    "CASE WHEN EXISTS (SELECT 1 FROM papers a WHERE a.dossier_id = ? AND a.reused_from <> '') "
    "THEN 1 ELSE 0 END";
// The read model names a dossier by its integer key and a step's name and a party by ids into
// outcome_terms (migration 0066).
constexpr const char* kDossierKey = "SELECT key FROM dossiers WHERE id = ?";
constexpr const char* kDeleteSteps = "DELETE FROM dossier_step_outcomes WHERE dossier_key = ?";
constexpr const char* kInsertStep =
    "INSERT INTO dossier_step_outcomes(dossier_key, idx, name_id, party_id, started_s, ended_s, "
    "due_s, used_s, result) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
constexpr const char* kDeleteParty = "DELETE FROM dossier_party_time WHERE dossier_key = ?";
constexpr const char* kInsertParty =
    "INSERT INTO dossier_party_time(dossier_key, party_id, seconds) VALUES (?, ?, ?)";

// The monthly rollup (migration 0052): one dossier's contribution is added with +1 and taken out
// with -1, so the same statement serves both sides of a replaced outcome row.
constexpr const char* kOldContribution =
    "SELECT received_month, agency_id, procedure_code, outcome, paused, channel, late_cause, "
    "synced, fee_bearing, paid_online, digitised, has_result, rated_unsatisfied, reused, rated "
    "FROM dossier_outcomes WHERE dossier_key = ?";
constexpr const char* kAddToMonth =
    "INSERT INTO dossier_outcome_months(received_month, agency_id, procedure_code, received, "
    "early, "
    "on_time, late, open_count, open_paused, online, late_agency, late_official, "
    "late_other_agency, "
    "late_applicant, synced, fee_bearing, fee_paid_online, digitised, digitised_reused, "
    "has_result, satisfied_finished, rated, rated_satisfied) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
    "ON CONFLICT(received_month, agency_id, procedure_code) DO UPDATE SET "
    "received = dossier_outcome_months.received + excluded.received, "
    "early = dossier_outcome_months.early + excluded.early, "
    "on_time = dossier_outcome_months.on_time + excluded.on_time, "
    "late = dossier_outcome_months.late + excluded.late, "
    "open_count = dossier_outcome_months.open_count + excluded.open_count, "
    "open_paused = dossier_outcome_months.open_paused + excluded.open_paused, "
    "online = dossier_outcome_months.online + excluded.online, "
    "late_agency = dossier_outcome_months.late_agency + excluded.late_agency, "
    "late_official = dossier_outcome_months.late_official + excluded.late_official, "
    "late_other_agency = dossier_outcome_months.late_other_agency + excluded.late_other_agency, "
    "late_applicant = dossier_outcome_months.late_applicant + excluded.late_applicant, "
    "synced = dossier_outcome_months.synced + excluded.synced, "
    "fee_bearing = dossier_outcome_months.fee_bearing + excluded.fee_bearing, "
    "fee_paid_online = dossier_outcome_months.fee_paid_online + excluded.fee_paid_online, "
    "digitised = dossier_outcome_months.digitised + excluded.digitised, "
    "digitised_reused = dossier_outcome_months.digitised_reused + excluded.digitised_reused, "
    "has_result = dossier_outcome_months.has_result + excluded.has_result, "
    "satisfied_finished = dossier_outcome_months.satisfied_finished + "
    "excluded.satisfied_finished, "
    "rated = dossier_outcome_months.rated + excluded.rated, "
    "rated_satisfied = dossier_outcome_months.rated_satisfied + excluded.rated_satisfied";

// Read from the rollup: the same columns as kOnTimeColumns but the overdue split, which needs the
// time of the query (kOpenOverdue). Months whose dossiers all moved away keep a row of zeros.
constexpr const char* kMonthColumns =
    "o.received_month, SUM(o.received), SUM(o.early), SUM(o.on_time), SUM(o.late), "
    "SUM(o.open_count), SUM(o.open_paused), SUM(o.online), SUM(o.late_agency), "
    "SUM(o.late_official), SUM(o.late_other_agency), SUM(o.late_applicant) "
    "FROM dossier_outcome_months o WHERE ";
// Open dossiers overdue at the time of the query, through the partial index of migration 0052.
constexpr const char* kOpenOverdue =
    "o.received_month, COUNT(*) FROM dossier_outcomes o "
    "WHERE o.outcome = 'open' AND o.overdue_from_s <= ? AND ";

// The open-dossier columns compare `overdue_from_s` with the time of the query (bound twice).
constexpr const char* kOnTimeColumns =
    "o.received_month, COUNT(*), "
    "SUM(CASE WHEN o.outcome = 'early' THEN 1 ELSE 0 END), "
    "SUM(CASE WHEN o.outcome = 'on_time' THEN 1 ELSE 0 END), "
    "SUM(CASE WHEN o.outcome = 'late' THEN 1 ELSE 0 END), "
    "SUM(CASE WHEN o.outcome = 'open' AND (o.overdue_from_s IS NULL OR o.overdue_from_s > ?) "
    "THEN 1 ELSE 0 END), "
    "SUM(CASE WHEN o.outcome = 'open' AND o.overdue_from_s <= ? THEN 1 ELSE 0 END), "
    "SUM(CASE WHEN o.outcome = 'open' AND o.paused <> '' THEN 1 ELSE 0 END), "
    "SUM(CASE WHEN o.channel = 'online' THEN 1 ELSE 0 END), "
    // Late dossiers split by the cause of lateness (migration 0042).
    "SUM(CASE WHEN o.outcome = 'late' AND o.late_cause = 'agency' THEN 1 ELSE 0 END), "
    "SUM(CASE WHEN o.outcome = 'late' AND o.late_cause = 'official' THEN 1 ELSE 0 END), "
    "SUM(CASE WHEN o.outcome = 'late' AND o.late_cause = 'other_agency' THEN 1 ELSE 0 END), "
    "SUM(CASE WHEN o.outcome = 'late' AND o.late_cause = 'applicant' THEN 1 ELSE 0 END) "
    "FROM dossier_outcomes o ";

constexpr const char* kOfficials =
    "SELECT o.agency_id, t.term, COUNT(*), "
    "SUM(CASE WHEN s.result = 'early' THEN 1 ELSE 0 END), "
    "SUM(CASE WHEN s.result = 'on_time' THEN 1 ELSE 0 END), "
    "SUM(CASE WHEN s.result = 'late' THEN 1 ELSE 0 END), "
    "SUM(CASE WHEN s.result = '' THEN 1 ELSE 0 END), SUM(s.used_s) "
    "FROM dossier_step_outcomes s JOIN dossier_outcomes o ON o.dossier_key = s.dossier_key "
    "JOIN outcome_terms t ON t.id = s.party_id WHERE s.ended_s IS NOT NULL AND ";

constexpr const char* kPartyTime =
    "SELECT o.procedure_code, t.term, SUM(p.seconds) FROM dossier_party_time p "
    "JOIN dossier_outcomes o ON o.dossier_key = p.dossier_key "
    "JOIN outcome_terms t ON t.id = p.party_id WHERE o.outcome <> 'open' AND ";
constexpr const char* kFinishedPerProcedure =
    "SELECT o.procedure_code, COUNT(*) FROM dossier_outcomes o WHERE o.outcome <> 'open' AND ";

constexpr const char* kOutcomeColumns =
    "d.id, o.version, o.agency_id, o.procedure_code, o.channel, o.received_s, "
    "o.received_month, o.finished_s, o.outcome, o.overdue_from_s, o.due_s, o.due_766_s, o.paused, "
    "o.supplement_requests, o.apology_reason, o.apology_new_due_s, o.flags, o.late_cause";
constexpr const char* kSteps =
    "SELECT n.term, p.term, s.started_s, s.ended_s, s.due_s, s.used_s, s.result "
    "FROM dossier_step_outcomes s JOIN outcome_terms n ON n.id = s.name_id "
    "JOIN outcome_terms p ON p.id = s.party_id "
    "WHERE s.dossier_key = (SELECT d.key FROM dossiers d WHERE d.id = ?) ORDER BY s.idx";
constexpr const char* kApplicantTime =
    "SELECT p.seconds FROM dossier_party_time p JOIN outcome_terms t ON t.id = p.party_id "
    "WHERE p.dossier_key = (SELECT d.key FROM dossiers d WHERE d.id = ?) AND t.term = 'applicant'";

constexpr const char* kAgencyName = "SELECT name FROM agencies WHERE id = ?";
constexpr const char* kUserName = "SELECT display_name FROM users WHERE id = ?";
constexpr const char* kUserRoles = "SELECT DISTINCT role FROM user_roles WHERE user_id = ?";

SqlValue opt(const std::optional<std::int64_t>& v) { return v ? SqlValue(*v) : SqlValue(nullptr); }

// "o.received_month BETWEEN ? AND ? [AND o.agency_id IN (?, ...)]" with its parameters appended.
std::string scope_clause(const OutcomeScope& scope, std::vector<SqlValue>& params) {
  std::string sql = "o.received_month >= ? AND o.received_month <= ?";
  params.emplace_back(scope.from_month);
  params.emplace_back(scope.to_month);
  return sql + agency_in_clause(scope, "o.agency_id", params);
}

OutcomeRow outcome_from(const SqlRow& r) {
  OutcomeRow o;
  o.dossier_id = r.text(0);
  o.version = r.integer(1);
  o.agency_id = r.text(2);
  o.procedure_code = r.text(3);
  o.channel = r.text(4);
  o.received_s = r.integer(5);
  o.received_month = r.text(6);
  o.finished_s = r.optional_integer(7);
  o.outcome = r.text(8);
  o.overdue_from_s = r.optional_integer(9);
  o.due_s = r.optional_integer(10);
  o.due_766_s = r.optional_integer(11);
  o.paused = r.text(12);
  o.supplement_requests = r.integer(13);
  o.apology_reason = r.text(14);
  o.apology_new_due_s = r.optional_integer(15);
  o.flags = r.text(16);
  o.late_cause = r.text(17);
  return o;
}

std::string text_or_empty(SqlConnection& db, const char* sql, const std::string& key) {
  const auto row = db.query_one(sql, {key});
  return row ? row->text(0) : std::string();
}

}  // namespace

std::string agency_in_clause(const OutcomeScope& scope, const char* column,
                             std::vector<SqlValue>& params) {
  if (scope.all_agencies) return "";
  std::string sql = std::string(" AND ") + column + " IN (";
  for (std::size_t i = 0; i < scope.agency_ids.size(); ++i) {
    sql += i == 0 ? "?" : ", ?";
    params.emplace_back(scope.agency_ids[i]);
  }
  if (scope.agency_ids.empty()) sql += "NULL";
  return sql + ")";
}

std::vector<std::string> stale_outcome_ids(SqlConnection& db) {
  std::vector<std::string> ids;
  for (const auto& row : db.query(kStale)) ids.push_back(row.text(0));
  return ids;
}

void clear_stale_outcome(SqlConnection& db, const std::string& dossier_id) {
  db.execute(kClearStale, {dossier_id});
}

namespace {

// The Decision 766 facts of one dossier (migration 0054), as stored in its outcome row.
struct Index766Facts {
  bool synced = false, fee_bearing = false, paid_online = false, digitised = false,
       has_result = false, rated_unsatisfied = false, reused = false, rated = false;
  bool operator==(const Index766Facts&) const = default;
};

Index766Facts index_766_facts(SqlConnection& db, const std::string& dossier_id) {
  const SqlValue id(dossier_id);
  const auto r = db.query_one(kIndex766Facts, {id, id, id, id, id, id, id, id});
  const std::int64_t overall = r->integer(5);
  return {r->integer(0) != 0, r->integer(1) != 0,           r->integer(2) != 0, r->integer(3) != 0,
          r->integer(4) != 0, overall >= 1 && overall <= 2, r->integer(6) != 0, overall > 0};
}

// What one outcome row adds to its month's rollup row, times `sign` (+1 in, -1 out).
struct Contribution {
  std::string month, agency_id, procedure_code, outcome, paused, channel, late_cause;
  Index766Facts facts;
  bool operator==(const Contribution&) const = default;
};

void add_to_month(SqlConnection& db, const Contribution& c, std::int64_t sign) {
  const auto is = [sign](bool b) { return SqlValue(b ? sign : std::int64_t{0}); };
  const bool open = c.outcome == "open", late = c.outcome == "late";
  const bool in_time = c.outcome == "early" || c.outcome == "on_time";
  const auto& f = c.facts;
  db.execute(kAddToMonth, {c.month,
                           c.agency_id,
                           c.procedure_code,
                           sign,
                           is(c.outcome == "early"),
                           is(c.outcome == "on_time"),
                           is(late),
                           is(open),
                           is(open && !c.paused.empty()),
                           is(c.channel == "online"),
                           is(late && c.late_cause == "agency"),
                           is(late && c.late_cause == "official"),
                           is(late && c.late_cause == "other_agency"),
                           is(late && c.late_cause == "applicant"),
                           is(f.synced),
                           is(f.fee_bearing),
                           is(f.fee_bearing && f.paid_online),
                           is(f.digitised),
                           is(f.digitised && f.reused),
                           is(f.has_result),
                           is(in_time && !f.rated_unsatisfied),
                           is(f.rated),
                           is(f.rated && !f.rated_unsatisfied)});
}

SqlValue flag(bool b) { return SqlValue(std::int64_t{b ? 1 : 0}); }

}  // namespace

void replace_outcome(SqlConnection& db, const OutcomeRow& o, const std::vector<StepRow>& steps,
                     const std::vector<std::pair<std::string, std::int64_t>>& party_time) {
  // The rollup moves with the row, in this transaction: the old contribution out, the new one in.
  // Most rebuilds (a step taken by a dossier still open) leave the contribution as it was: no
  // write then.
  const Contribution now{
      o.received_month, o.agency_id, o.procedure_code, o.outcome,
      o.paused,         o.channel,   o.late_cause,     index_766_facts(db, o.dossier_id)};
  const auto key_row = db.query_one(kDossierKey, {o.dossier_id});
  if (!key_row) throw StoreError("no dossier " + o.dossier_id + " for its outcome row");
  const SqlValue key(key_row->integer(0));
  const auto old_row = db.query_one(kOldContribution, {key});
  std::optional<Contribution> old;
  if (old_row) {
    const auto& r = *old_row;
    old = Contribution{
        r.text(0),
        r.text(1),
        r.text(2),
        r.text(3),
        r.text(4),
        r.text(5),
        r.text(6),
        {r.integer(7) != 0, r.integer(8) != 0, r.integer(9) != 0, r.integer(10) != 0,
         r.integer(11) != 0, r.integer(12) != 0, r.integer(13) != 0, r.integer(14) != 0}};
  }
  const auto& f = now.facts;
  if (old != now) {
    if (old) add_to_month(db, *old, -1);
    add_to_month(db, now, +1);
  }
  db.execute(kUpsertOutcome, {key,
                              o.version,
                              o.agency_id,
                              o.procedure_code,
                              o.channel,
                              o.received_s,
                              o.received_month,
                              opt(o.finished_s),
                              o.outcome,
                              opt(o.overdue_from_s),
                              opt(o.due_s),
                              opt(o.due_766_s),
                              o.paused,
                              o.supplement_requests,
                              o.apology_reason,
                              opt(o.apology_new_due_s),
                              o.flags,
                              o.late_cause,
                              flag(f.synced),
                              flag(f.fee_bearing),
                              flag(f.paid_online),
                              flag(f.digitised),
                              flag(f.has_result),
                              flag(f.rated_unsatisfied),
                              flag(f.reused),
                              flag(f.rated)});
  TermVocabulary terms(db, TermTable::outcome_terms);
  db.execute(kDeleteSteps, {key});
  std::int64_t idx = 0;
  for (const auto& s : steps) {
    db.execute(kInsertStep, {key, idx++, terms.id(s.name), terms.id(s.party), s.started_s,
                             opt(s.ended_s), opt(s.due_s), s.used_s, s.result});
  }
  db.execute(kDeleteParty, {key});
  for (const auto& [party, seconds] : party_time) {
    db.execute(kInsertParty, {key, terms.id(party), seconds});
  }
}

std::vector<OnTimeCounts> on_time_counts(SqlConnection& db, const OutcomeScope& scope,
                                         const std::string& group_by, std::int64_t now_s) {
  const std::string group = group_by == "procedure" ? "o.procedure_code" : "o.agency_id";
  std::map<std::pair<std::string, std::string>, std::int64_t> overdue;
  {
    std::vector<SqlValue> params{now_s};
    std::string sql = "SELECT " + group + ", " + kOpenOverdue + scope_clause(scope, params);
    sql += " GROUP BY " + group + ", o.received_month";
    for (const auto& r : db.query(sql, params)) overdue[{r.text(0), r.text(1)}] = r.integer(2);
  }
  std::vector<SqlValue> params;
  std::string sql = "SELECT " + group + ", " + kMonthColumns + scope_clause(scope, params);
  // A group whose dossiers all moved to another month, agency or procedure leaves zeros behind;
  // the row query never saw it.
  sql += " GROUP BY " + group + ", o.received_month HAVING SUM(o.received) > 0 ORDER BY " + group +
         ", o.received_month";
  std::vector<OnTimeCounts> out;
  for (const auto& r : db.query(sql, params)) {
    OnTimeCounts c{
        r.text(0),    r.text(1),    r.integer(2), r.integer(3),  r.integer(4),  r.integer(5), 0, 0,
        r.integer(7), r.integer(8), r.integer(9), r.integer(10), r.integer(11), r.integer(12)};
    const auto it = overdue.find({c.group, c.month});
    c.open_overdue = it == overdue.end() ? 0 : it->second;
    c.open_within = r.integer(6) - c.open_overdue;
    out.push_back(std::move(c));
  }
  return out;
}

std::vector<OnTimeCounts> on_time_counts_from_rows(SqlConnection& db, const OutcomeScope& scope,
                                                   const std::string& group_by,
                                                   std::int64_t now_s) {
  const std::string group = group_by == "procedure" ? "o.procedure_code" : "o.agency_id";
  std::vector<SqlValue> params{now_s, now_s};
  std::string sql = "SELECT " + group + ", " + kOnTimeColumns + "WHERE ";
  sql += scope_clause(scope, params);
  sql += " GROUP BY " + group + ", o.received_month ORDER BY " + group + ", o.received_month";
  std::vector<OnTimeCounts> out;
  for (const auto& r : db.query(sql, params)) {
    out.push_back(OnTimeCounts{r.text(0), r.text(1), r.integer(2), r.integer(3), r.integer(4),
                               r.integer(5), r.integer(6), r.integer(7), r.integer(8), r.integer(9),
                               r.integer(10), r.integer(11), r.integer(12), r.integer(13)});
  }
  return out;
}

std::vector<OfficialCounts> official_counts(SqlConnection& db, const OutcomeScope& scope) {
  std::vector<SqlValue> params;
  std::string sql = kOfficials + scope_clause(scope, params);
  sql += " GROUP BY o.agency_id, t.term ORDER BY o.agency_id, t.term";
  std::vector<OfficialCounts> out;
  for (const auto& r : db.query(sql, params)) {
    out.push_back(OfficialCounts{r.text(0), r.text(1), r.integer(2), r.integer(3), r.integer(4),
                                 r.integer(5), r.integer(6), r.integer(7)});
  }
  return out;
}

std::vector<PartyTime> party_time(SqlConnection& db, const OutcomeScope& scope) {
  std::vector<SqlValue> params;
  std::string sql = kPartyTime + scope_clause(scope, params);
  sql += " GROUP BY o.procedure_code, t.term ORDER BY o.procedure_code, t.term";
  std::vector<PartyTime> out;
  for (const auto& r : db.query(sql, params)) {
    out.push_back(PartyTime{r.text(0), r.text(1), r.integer(2)});
  }
  return out;
}

std::vector<std::pair<std::string, std::int64_t>> finished_per_procedure(
    SqlConnection& db, const OutcomeScope& scope) {
  std::vector<SqlValue> params;
  std::string sql = kFinishedPerProcedure + scope_clause(scope, params);
  sql += " GROUP BY o.procedure_code ORDER BY o.procedure_code";
  std::vector<std::pair<std::string, std::int64_t>> out;
  for (const auto& r : db.query(sql, params)) out.emplace_back(r.text(0), r.integer(1));
  return out;
}

std::vector<OverdueRow> overdue_dossiers(SqlConnection& db, const OutcomeScope& scope,
                                         std::int64_t now_s, int limit) {
  std::vector<SqlValue> params;
  std::string sql = std::string("SELECT ") + kOutcomeColumns +
                    ", d.code, d.status, d.assignee_id, d.current_step FROM dossier_outcomes o "
                    "JOIN dossiers d ON d.key = o.dossier_key WHERE ";
  sql += scope_clause(scope, params);
  sql +=
      " AND (o.outcome = 'late' OR (o.outcome = 'open' AND o.overdue_from_s <= ?)) "
      "ORDER BY COALESCE(o.due_766_s, o.received_s), d.id LIMIT ?";
  params.emplace_back(now_s);
  params.emplace_back(std::int64_t{limit});
  std::vector<OverdueRow> out;
  for (const auto& r : db.query(sql, params)) {
    out.push_back(OverdueRow{outcome_from(r), r.optional_text(18), r.text(19), r.optional_text(20),
                             r.text(21)});
  }
  return out;
}

std::vector<StepRow> steps_of(SqlConnection& db, const std::string& dossier_id) {
  std::vector<StepRow> out;
  for (const auto& r : db.query(kSteps, {dossier_id})) {
    out.push_back(StepRow{r.text(0), r.text(1), r.integer(2), r.optional_integer(3),
                          r.optional_integer(4), r.integer(5), r.text(6)});
  }
  return out;
}

std::int64_t applicant_time(SqlConnection& db, const std::string& dossier_id) {
  const auto row = db.query_one(kApplicantTime, {dossier_id});
  return row ? row->integer(0) : 0;
}

std::string agency_name(SqlConnection& db, const std::string& id) {
  return text_or_empty(db, kAgencyName, id);
}
std::string procedure_name(SqlConnection& db, const std::string& code) {
  return latest_procedure_name(db, code);
}
std::string user_name(SqlConnection& db, const std::string& id) {
  return text_or_empty(db, kUserName, id);
}
std::vector<std::string> user_roles(SqlConnection& db, const std::string& id) {
  std::vector<std::string> out;
  for (const auto& r : db.query(kUserRoles, {id})) out.push_back(r.text(0));
  return out;
}

}  // namespace motcua::store
