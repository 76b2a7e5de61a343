// Locks that serialise one kind of work across every server sharing a PostgreSQL database, held
// until the caller's transaction ends (commit or rollback). On SQLite they cost nothing: its single
// writer already runs one write transaction at a time.
#pragma once

#include <cstdint>

#include "store/sql.hpp"

namespace motcua::store {

// One key per kind of work; the values are arbitrary but must never change (two versions of the
// server in one rolling upgrade must take the same lock).
enum class TransactionLock : std::int64_t {
  event_chain = 0x4d43'0001,         // appending to the hash-chained event log
  statistics_refresh = 0x4d43'0002,  // rebuilding statistics read-model rows
  audit_chain = 0x4d43'0003,         // appending to the hash-chained audit log
};

// Waits for the lock (pg_advisory_xact_lock), then returns; a no-op on SQLite.
//
// The event chain relies on this: after the lock, the next statement must see the rows the
// previous holder committed, which is true at PostgreSQL's default READ COMMITTED isolation (each
// statement takes a new snapshot) and would not be at REPEATABLE READ or SERIALIZABLE.
void lock_for_transaction(SqlConnection& db, TransactionLock lock);

}  // namespace motcua::store
