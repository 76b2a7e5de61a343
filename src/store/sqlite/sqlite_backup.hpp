// A consistent copy of a live SQLite database through SQLite's online backup API: the server may
// keep writing while it runs (WAL mode lets the copy read one snapshot without blocking writers).
#pragma once

#include <string>

namespace motcua::store {

// Copies the database at `from` (opened read-only; it must exist) into a new file `to`, left in
// rollback-journal mode so that the copy is one self-contained file. Throws StoreError.
void sqlite_online_backup(const std::string& from, const std::string& to);

}  // namespace motcua::store
