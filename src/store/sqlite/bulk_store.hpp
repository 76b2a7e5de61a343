// The SQLite store for a bulk load only (bench/dataset): as open_sqlite_store, with
// synchronous=OFF and a 256 MB page cache on the writer. A commit is not durable until the store
// is closed (closing checkpoints the WAL into the file), so a crash mid-load loses the load. Never
// for a database being served.
#pragma once

#include <memory>
#include <string>

#include "store/store.hpp"

namespace motcua::store {

std::unique_ptr<Store> open_sqlite_bulk_store(const std::string& path);

}  // namespace motcua::store
