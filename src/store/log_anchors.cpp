#include "store/log_anchors.hpp"

namespace motcua::store {

namespace {
constexpr const char* kLast = "SELECT COALESCE(MAX(seq), 0) FROM log_anchors";
constexpr const char* kAppend =
    "INSERT INTO log_anchors(seq, at, events_seq, events_hash, events_count, audit_seq, "
    "audit_hash, audit_count, public_key, signature) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
constexpr const char* kAll =
    "SELECT seq, at, events_seq, events_hash, events_count, audit_seq, audit_hash, audit_count, "
    "public_key, signature FROM log_anchors ORDER BY seq";
}  // namespace

std::int64_t append_anchor(SqlConnection& db, const LogAnchor& a) {
  const std::int64_t seq = db.query_one(kLast)->integer(0) + 1;
  db.execute(kAppend, {seq, a.at, a.events_seq, a.events_hash, a.events_count, a.audit_seq,
                       a.audit_hash, a.audit_count, a.public_key, a.signature});
  return seq;
}

std::vector<LogAnchor> stored_anchors(SqlConnection& db) {
  std::vector<LogAnchor> out;
  for (const auto& r : db.query(kAll)) {
    out.push_back(LogAnchor{r.integer(0), r.text(1), r.integer(2), r.text(3), r.integer(4),
                            r.integer(5), r.text(6), r.integer(7), r.text(8), r.text(9)});
  }
  return out;
}

}  // namespace motcua::store
