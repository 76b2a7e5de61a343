#include "store/sqlite/sqlite_backup.hpp"

#include <sqlite3.h>

#include "store/sql.hpp"

namespace motcua::store {

namespace {

// Closes a handle on every path out, including a throw.
struct Handle {
  sqlite3* db = nullptr;
  ~Handle() { sqlite3_close(db); }
};

void open(Handle& h, const std::string& path, int flags) {
  if (sqlite3_open_v2(path.c_str(), &h.db, flags, nullptr) != SQLITE_OK) {
    throw StoreError("cannot open " + path + ": " +
                     (h.db != nullptr ? sqlite3_errmsg(h.db) : "out of memory"));
  }
}

}  // namespace

void sqlite_online_backup(const std::string& from, const std::string& to) {
  Handle source, copy;
  open(source, from, SQLITE_OPEN_READONLY);
  // A writer's checkpoint may hold a lock for a moment.
  sqlite3_busy_timeout(source.db, 5000);
  open(copy, to, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  sqlite3_backup* backup = sqlite3_backup_init(copy.db, "main", source.db, "main");
  if (backup == nullptr)
    throw StoreError("cannot start the backup: " + std::string(sqlite3_errmsg(copy.db)));
  // All pages in one step (-1): one read transaction, so the copy is one snapshot. Copying in small
  // steps would restart whenever the server commits in between, and might never finish on a busy
  // server.
  int rc = sqlite3_backup_step(backup, -1);
  for (int tries = 0; (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) && tries < 200; ++tries) {
    sqlite3_sleep(50);
    rc = sqlite3_backup_step(backup, -1);
  }
  const int finished = sqlite3_backup_finish(backup);
  if (rc != SQLITE_DONE || finished != SQLITE_OK) {
    throw StoreError("backup of " + from + " failed: " + sqlite3_errmsg(copy.db));
  }
  // The pages carry the source's WAL flag; a backup file should need no -wal/-shm beside it.
  char* error = nullptr;
  if (sqlite3_exec(copy.db, "PRAGMA journal_mode=DELETE", nullptr, nullptr, &error) != SQLITE_OK) {
    const std::string message = error != nullptr ? error : "unknown error";
    sqlite3_free(error);
    throw StoreError("cannot set the copy's journal mode: " + message);
  }
}

}  // namespace motcua::store
