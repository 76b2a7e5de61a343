#include "store/audit_log.hpp"

#include "store/hashing.hpp"
#include "store/transaction_lock.hpp"

namespace motcua::store {

namespace {

constexpr const char* kLast = "SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1";
// The seq is chosen here rather than by the database: the hash covers it.
constexpr const char* kAppend =
    "INSERT INTO audit_log(seq, actor_id, at, action, object, reason, details, prev_hash, hash) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
constexpr const char* kColumns =
    "SELECT seq, actor_id, at, action, object, reason, details, prev_hash, hash FROM audit_log ";

void put_field(std::string& out, const std::string& value) {
  out += std::to_string(value.size());
  out += ':';
  out += value;
  out += ';';
}

AuditEntry entry_from_row(const SqlRow& r) {
  return AuditEntry{r.integer(0), r.text(1), r.text(2), r.text(3), r.text(4), r.text(5), r.text(6)};
}

LogHead head_of(SqlConnection& db, const char* table) {
  const auto row =
      db.query_one(std::string("SELECT seq, hash FROM ") + table + " ORDER BY seq DESC LIMIT 1");
  const auto count = db.query_one(std::string("SELECT COUNT(*) FROM ") + table);
  LogHead head;
  if (row) {
    head.seq = row->integer(0);
    // The event log keeps its hashes as bytes, the audit log as hex: hash_hex reads both.
    head.hash = hash_hex(row->values.at(1));
  }
  head.count = count ? count->integer(0) : 0;
  return head;
}

std::optional<std::string> hash_at(SqlConnection& db, const char* table, std::int64_t seq) {
  const auto row = db.query_one(std::string("SELECT hash FROM ") + table + " WHERE seq = ?", {seq});
  if (!row) return std::nullopt;
  return hash_hex(row->values.at(0));
}

}  // namespace

std::string audit_hash(const AuditEntry& e, const std::string& prev_hash) {
  std::string canonical;
  canonical.reserve(256 + e.details.size());
  for (const std::string* field :
       {&prev_hash, &e.actor_id, &e.at, &e.action, &e.object, &e.reason, &e.details}) {
    put_field(canonical, *field);
  }
  put_field(canonical, std::to_string(e.seq));
  return sha256_hex(canonical);
}

std::int64_t append_audit(SqlConnection& db, const AuditEntry& e) {
  lock_for_transaction(db, TransactionLock::audit_chain);
  const auto last = db.query_one(kLast);
  AuditEntry stored = e;
  stored.seq = last ? last->integer(0) + 1 : 1;
  const std::string prev = last ? last->text(1) : kGenesisHash;
  const std::string hash = audit_hash(stored, prev);
  db.execute(kAppend,
             {stored.seq, e.actor_id, e.at, e.action, e.object, e.reason, e.details, prev, hash});
  return stored.seq;
}

std::int64_t chain_unchained_audit(SqlConnection& db) {
  lock_for_transaction(db, TransactionLock::audit_chain);
  std::int64_t chained = 0;
  std::string prev = kGenesisHash;
  for (const auto& row : db.query(std::string(kColumns) + "ORDER BY seq")) {
    const auto e = entry_from_row(row);
    if (!row.text(8).empty()) {
      prev = row.text(8);
      continue;
    }
    const std::string hash = audit_hash(e, prev);
    db.execute("UPDATE audit_log SET prev_hash = ?, hash = ? WHERE seq = ?", {prev, hash, e.seq});
    prev = hash;
    ++chained;
  }
  return chained;
}

std::vector<AuditEntry> audit_of(SqlConnection& db, const std::string& object) {
  std::vector<AuditEntry> out;
  for (const auto& r :
       db.query(std::string(kColumns) + "WHERE object = ? ORDER BY seq", {object})) {
    out.push_back(entry_from_row(r));
  }
  return out;
}

AuditPage audit_page(SqlConnection& db, const AuditFilter& f) {
  std::string where = "WHERE 1 = 1";
  std::vector<SqlValue> params;
  if (!f.actor_id.empty()) {
    where += " AND actor_id = ?";
    params.emplace_back(f.actor_id);
  }
  if (!f.action.empty()) {
    if (f.action.back() == '.') {
      // A family of actions: the prefix compared as text, no LIKE wildcards to escape.
      where += " AND substr(action, 1, ?) = ?";
      params.emplace_back(static_cast<std::int64_t>(f.action.size()));
    } else {
      where += " AND action = ?";
    }
    params.emplace_back(f.action);
  }
  if (!f.from.empty()) {
    where += " AND at >= ?";
    params.emplace_back(f.from);
  }
  if (!f.to.empty()) {
    where += " AND at <= ?";
    params.emplace_back(f.to);
  }
  AuditPage page;
  page.total = db.query_one("SELECT COUNT(*) FROM audit_log " + where, params)->integer(0);
  params.emplace_back(f.limit);
  params.emplace_back(f.offset);
  for (const auto& r :
       db.query(std::string(kColumns) + where + " ORDER BY seq DESC LIMIT ? OFFSET ?", params)) {
    page.entries.push_back(entry_from_row(r));
  }
  return page;
}

std::optional<AuditEntry> latest_audit(SqlConnection& db, const std::string& action,
                                       const std::string& object) {
  const auto row = db.query_one(
      std::string(kColumns) + "WHERE action = ? AND object = ? ORDER BY seq DESC LIMIT 1",
      {action, object});
  if (!row) return std::nullopt;
  return entry_from_row(*row);
}

ChainCheck verify_audit_chain(SqlConnection& db) {
  ChainCheck check;
  std::string prev = kGenesisHash;
  std::int64_t expected_seq = 1;
  constexpr std::int64_t kPage = 10000;
  for (;;) {
    const auto rows = db.query(std::string(kColumns) + "WHERE seq >= ? ORDER BY seq LIMIT ?",
                               {expected_seq, kPage});
    for (const auto& row : rows) {
      const auto e = entry_from_row(row);
      if (e.seq != expected_seq) {
        check.first_broken_seq = expected_seq;
        check.problem = "audit row " + std::to_string(expected_seq) + " is missing";
        return check;
      }
      if (row.text(7) != prev) {
        check.first_broken_seq = e.seq;
        check.problem = "audit row " + std::to_string(e.seq) + " does not follow the previous row";
        return check;
      }
      if (audit_hash(e, prev) != row.text(8)) {
        check.first_broken_seq = e.seq;
        check.problem = "audit row " + std::to_string(e.seq) + " was altered (hash mismatch)";
        return check;
      }
      prev = row.text(8);
      ++expected_seq;
      ++check.events_checked;
    }
    if (static_cast<std::int64_t>(rows.size()) < kPage) return check;
  }
}

LogHead event_log_head(SqlConnection& db) { return head_of(db, "dossier_events"); }
LogHead audit_log_head(SqlConnection& db) { return head_of(db, "audit_log"); }
std::optional<std::string> event_hash_at(SqlConnection& db, std::int64_t seq) {
  return hash_at(db, "dossier_events", seq);
}
std::optional<std::string> audit_hash_at(SqlConnection& db, std::int64_t seq) {
  return hash_at(db, "audit_log", seq);
}

}  // namespace motcua::store
