// The audit log of administrative changes (catalog, processes, calendars, people, roles, imports,
// logins): who did what to which object, when and why. Rows are only ever appended (database
// triggers refuse UPDATE and DELETE) and hash-chained like the dossier event log: each row's hash
// covers the previous row's hash and every field of the row, so `motcua verify-log` names the first
// row that was edited, removed or forged.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/event_log.hpp"
#include "store/sql.hpp"

namespace motcua::store {

struct AuditEntry {
  std::int64_t seq = 0;  // given by the database
  std::string actor_id;
  std::string at;      // ISO 8601 with offset
  std::string action;  // dotted, e.g. "process.saved"
  std::string object;  // the id of what changed
  std::string reason;
  std::string details;  // JSON object text
};

// The hash of an audit row given its predecessor's hash: SHA-256 over a length-prefixed encoding of
// every field and the seq.
std::string audit_hash(const AuditEntry& e, const std::string& prev_hash);

// Appends inside the caller's write transaction, with the change it records; returns the seq.
// On PostgreSQL it first takes the audit chain's transaction lock, as the event log does.
std::int64_t append_audit(SqlConnection& db, const AuditEntry& entry);

// Gives the rows written before the chain existed (empty hash) their hashes, in seq order; run
// once right after the migration that added the chain. Returns how many rows it chained.
std::int64_t chain_unchained_audit(SqlConnection& db);

// The entries about `object`, oldest first.
std::vector<AuditEntry> audit_of(SqlConnection& db, const std::string& object);

// A page of the log for the administrators' screen, newest first. Empty filters match everything;
// `from`/`to` compare with `at` as text (ISO 8601 with the same offset sorts in time order).
struct AuditFilter {
  std::string actor_id;
  std::string action;  // exact, or a prefix ending in '.' ("catalog.")
  std::string from;
  std::string to;
  std::int64_t limit = 50;
  std::int64_t offset = 0;
};
struct AuditPage {
  std::vector<AuditEntry> entries;
  std::int64_t total = 0;
};
AuditPage audit_page(SqlConnection& db, const AuditFilter& filter);

// The newest row of one action about one object (e.g. the last change of a setting), if any.
std::optional<AuditEntry> latest_audit(SqlConnection& db, const std::string& action,
                                       const std::string& object);

// Recomputes the chain; the same answer shape as the event log's (events_checked counts rows).
ChainCheck verify_audit_chain(SqlConnection& db);

// The last row (seq, hash) and the number of rows of each log, for anchors.
struct LogHead {
  std::int64_t seq = 0;
  std::string hash = kGenesisHash;
  std::int64_t count = 0;
};
LogHead event_log_head(SqlConnection& db);
LogHead audit_log_head(SqlConnection& db);
// The hash stored for row `seq`, if the row exists.
std::optional<std::string> event_hash_at(SqlConnection& db, std::int64_t seq);
std::optional<std::string> audit_hash_at(SqlConnection& db, std::int64_t seq);

}  // namespace motcua::store
