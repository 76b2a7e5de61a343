// The audit log of administrative changes (catalog, processes, calendars, people, roles): who did
// what to which object, when and why. Rows are only ever appended.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

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

// Appends inside the caller's write transaction, with the change it records; returns the seq.
std::int64_t append_audit(SqlConnection& db, const AuditEntry& entry);

// The entries about `object`, oldest first.
std::vector<AuditEntry> audit_of(SqlConnection& db, const std::string& object);

}  // namespace motcua::store
