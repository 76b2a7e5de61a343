// A number naming what one connection of a store can see, for caches of rows that are never
// rewritten (a process version: app/dossier/process_steps.hpp). Such a row is the same under the
// same key on one database, but not across databases: tests open many in one process, each with
// its own "process p1, version 1". Every connection of a store (writer and readers) gets a number
// never given before in this process, so a cache keyed by it never takes one database's row for
// another's. The writer's number is renewed after every rollback: a row it read inside a job or a
// batch that was rolled back (an uncommitted process version) may never exist, or come back
// different under the same key, so what was cached under the old number is never read again.
#pragma once

#include <cstdint>

#include "store/sql.hpp"

namespace motcua::store {

// The connection's number; 0 for a connection no store opened (a test's or a tool's own): a
// caller must not cache for it.
std::uint64_t connection_epoch(const SqlConnection& db);

// Called by the store (store/group_commit_writer.cpp, store/reader_pool.cpp) only.
void open_connection_epoch(const SqlConnection& db);
void renew_connection_epoch(const SqlConnection& db);
void close_connection_epoch(const SqlConnection& db);

}  // namespace motcua::store
