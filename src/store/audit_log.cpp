#include "store/audit_log.hpp"

namespace motcua::store {

namespace {
constexpr const char* kAppend =
    "INSERT INTO audit_log(actor_id, at, action, object, reason, details) VALUES (?, ?, ?, ?, ?, "
    "?) RETURNING seq";
constexpr const char* kOfObject =
    "SELECT seq, actor_id, at, action, object, reason, details FROM audit_log WHERE object = ? "
    "ORDER BY seq";
}  // namespace

std::int64_t append_audit(SqlConnection& db, const AuditEntry& e) {
  // RETURNING (SQLite 3.35+, PostgreSQL): the key the insert was given, on either engine.
  return db.query_one(kAppend, {e.actor_id, e.at, e.action, e.object, e.reason, e.details})
      ->integer(0);
}

std::vector<AuditEntry> audit_of(SqlConnection& db, const std::string& object) {
  std::vector<AuditEntry> out;
  for (const auto& r : db.query(kOfObject, {object})) {
    out.push_back(
        AuditEntry{r.integer(0), r.text(1), r.text(2), r.text(3), r.text(4), r.text(5), r.text(6)});
  }
  return out;
}

}  // namespace motcua::store
