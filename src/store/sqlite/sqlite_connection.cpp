#include "store/sqlite/sqlite_connection.hpp"

#include <sqlite3.h>

#include "store/sqlite/wal_checkpointer.hpp"

namespace motcua::store {

namespace {
// Waiting for a lock is normal with several reader connections; 5 s covers checkpoints.
constexpr int kBusyTimeoutMs = 5000;
}  // namespace

SqliteConnection::SqliteConnection(const std::string& path, Mode mode) : path_(path) {
  const int flags = (mode == Mode::read_write ? SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE
                                              : SQLITE_OPEN_READONLY) |
                    SQLITE_OPEN_NOMUTEX;
  const int rc = sqlite3_open_v2(path.c_str(), &db_, flags, nullptr);
  if (rc != SQLITE_OK) {
    const std::string message = db_ != nullptr ? sqlite3_errmsg(db_) : "out of memory";
    sqlite3_close(db_);
    db_ = nullptr;
    throw StoreError("cannot open database " + path + ": " + message);
  }
  sqlite3_busy_timeout(db_, kBusyTimeoutMs);
  sqlite3_extended_result_codes(db_, 1);
}

SqliteConnection::~SqliteConnection() {
  // First the checkpointer's thread and connection: the writer's close then copies what is left
  // and removes the log, as the last connection to close does.
  if (checkpointer_) sqlite3_wal_hook(db_, nullptr, nullptr);
  checkpointer_.reset();
  for (auto& [sql, stmt] : statements_) sqlite3_finalize(stmt);
  sqlite3_close(db_);
}

void SqliteConnection::checkpoint_in_background() {
  if (checkpointer_) return;
  // Only a file in WAL mode has a log to copy (an in-memory database has none).
  const auto mode = query("PRAGMA journal_mode");
  if (mode.empty() || mode.front().text(0) != "wal") return;
  const auto synchronous = query("PRAGMA synchronous");
  checkpointer_ = std::make_unique<WalCheckpointer>(
      path_, synchronous.empty() ? 2 : static_cast<int>(synchronous.front().integer(0)));
  // Replaces SQLite's automatic checkpoint, which is itself a WAL hook.
  sqlite3_wal_hook(
      db_,
      [](void* self, sqlite3* db, const char*, int pages) {
        static_cast<WalCheckpointer*>(self)->committed(db, pages);
        return SQLITE_OK;
      },
      checkpointer_.get());
}

void SqliteConnection::fail(const std::string& what, int code) {
  const std::string message = what + ": " + sqlite3_errmsg(db_);
  if ((code & 0xff) == SQLITE_CONSTRAINT) throw ConstraintError(message);
  throw StoreError(message);
}

sqlite3_stmt* SqliteConnection::prepare(std::string_view sql, const std::vector<SqlValue>& params) {
  auto it = statements_.find(sql);
  sqlite3_stmt* stmt = nullptr;
  if (it != statements_.end()) {
    stmt = it->second;
    sqlite3_reset(stmt);
    sqlite3_clear_bindings(stmt);
  } else {
    const int rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()),
                                      SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
    if (rc != SQLITE_OK) fail("prepare '" + std::string(sql) + "'", rc);
    statements_.emplace(std::string(sql), stmt);
  }
  for (std::size_t i = 0; i < params.size(); ++i) {
    const int index = static_cast<int>(i) + 1;
    int rc = SQLITE_OK;
    const auto& p = params[i];
    if (std::holds_alternative<std::nullptr_t>(p)) {
      rc = sqlite3_bind_null(stmt, index);
    } else if (const auto* n = std::get_if<std::int64_t>(&p)) {
      rc = sqlite3_bind_int64(stmt, index, *n);
    } else if (const auto* d = std::get_if<double>(&p)) {
      rc = sqlite3_bind_double(stmt, index, *d);
    } else if (const auto* b = std::get_if<Bytes>(&p)) {
      rc = sqlite3_bind_blob64(stmt, index, b->data.data(), b->data.size(), SQLITE_TRANSIENT);
    } else {
      const auto& s = std::get<std::string>(p);
      rc = sqlite3_bind_text64(stmt, index, s.data(), s.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
    }
    if (rc != SQLITE_OK) fail("bind parameter " + std::to_string(index), rc);
  }
  return stmt;
}

std::int64_t SqliteConnection::execute(std::string_view sql, const std::vector<SqlValue>& params) {
  sqlite3_stmt* stmt = prepare(sql, params);
  int rc;
  while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
  }
  if (rc != SQLITE_DONE) {
    sqlite3_reset(stmt);
    fail("execute '" + std::string(sql.substr(0, 60)) + "'", rc);
  }
  sqlite3_reset(stmt);
  return sqlite3_changes64(db_);
}

std::vector<SqlRow> SqliteConnection::query(std::string_view sql,
                                            const std::vector<SqlValue>& params) {
  sqlite3_stmt* stmt = prepare(sql, params);
  std::vector<SqlRow> rows;
  const int columns = sqlite3_column_count(stmt);
  int rc;
  while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
    SqlRow row;
    row.values.reserve(static_cast<std::size_t>(columns));
    for (int c = 0; c < columns; ++c) {
      switch (sqlite3_column_type(stmt, c)) {
        case SQLITE_NULL:
          row.values.emplace_back(nullptr);
          break;
        case SQLITE_INTEGER:
          row.values.emplace_back(static_cast<std::int64_t>(sqlite3_column_int64(stmt, c)));
          break;
        case SQLITE_FLOAT:
          row.values.emplace_back(sqlite3_column_double(stmt, c));
          break;
        case SQLITE_BLOB: {
          const auto* data = static_cast<const char*>(sqlite3_column_blob(stmt, c));
          const int size = sqlite3_column_bytes(stmt, c);
          row.values.emplace_back(
              Bytes{std::string(data == nullptr ? "" : data, static_cast<std::size_t>(size))});
          break;
        }
        default: {
          const auto* data = static_cast<const char*>(sqlite3_column_blob(stmt, c));
          const int size = sqlite3_column_bytes(stmt, c);
          row.values.emplace_back(
              std::string(data == nullptr ? "" : data, static_cast<std::size_t>(size)));
        }
      }
    }
    rows.push_back(std::move(row));
  }
  if (rc != SQLITE_DONE) {
    sqlite3_reset(stmt);
    fail("query '" + std::string(sql.substr(0, 60)) + "'", rc);
  }
  sqlite3_reset(stmt);
  return rows;
}

std::int64_t SqliteConnection::last_insert_id() { return sqlite3_last_insert_rowid(db_); }

void SqliteConnection::execute_script(const std::string& sql) {
  char* error = nullptr;
  const int rc = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &error);
  if (rc != SQLITE_OK) {
    const std::string message = error != nullptr ? error : "unknown error";
    sqlite3_free(error);
    throw StoreError("script failed: " + message);
  }
}

}  // namespace motcua::store
