// The signed anchors of the two hash-chained logs, as kept in the database (the same records are
// also appended to a file outside it: app/integrity/anchors.hpp).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "store/sql.hpp"

namespace motcua::store {

struct LogAnchor {
  std::int64_t seq = 0;
  std::string at;  // ISO 8601 with offset
  std::int64_t events_seq = 0;
  std::string events_hash;
  std::int64_t events_count = 0;
  std::int64_t audit_seq = 0;
  std::string audit_hash;
  std::int64_t audit_count = 0;
  std::string public_key;  // hex
  std::string signature;   // hex
};

// Appends inside the caller's write transaction; returns the seq given.
std::int64_t append_anchor(SqlConnection& db, const LogAnchor& anchor);

// Every stored anchor, oldest first.
std::vector<LogAnchor> stored_anchors(SqlConnection& db);

}  // namespace motcua::store
