// The SQLite engine: one writer connection on its own thread that merges queued write jobs into one
// transaction and one fsync (group commit, store/group_commit_writer.hpp), and a pool of read-only
// connections. WAL mode lets readers proceed while the writer commits; synchronous=FULL makes an
// acknowledged commit survive power loss.
#include <memory>

#include "store/group_commit_writer.hpp"
#include "store/migrations.hpp"
#include "store/reader_pool.hpp"
#include "store/sqlite/sqlite_connection.hpp"
#include "store/store.hpp"

namespace motcua::store {

namespace {

void apply_migrations(SqliteConnection& db) {
  db.execute_script(
      "CREATE TABLE IF NOT EXISTS schema_migrations ("
      " version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)");
  const auto row = db.query_one("SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
  const std::int64_t current = row ? row->integer(0) : 0;
  for (const auto& m : sqlite_migrations()) {
    if (m.version <= current) continue;
    db.execute_script("BEGIN IMMEDIATE");
    try {
      db.execute_script(m.sql);
      db.execute(
          "INSERT INTO schema_migrations(version, name, applied_at) "
          "VALUES (?, ?, strftime('%Y-%m-%dT%H:%M:%SZ','now'))",
          {std::int64_t{m.version}, m.name});
      db.execute_script("COMMIT");
    } catch (...) {
      db.execute_script("ROLLBACK");
      throw;
    }
  }
}

class SqliteStore final : public Store {
 public:
  SqliteStore(const std::string& path, int readers)
      : writer_db_(open_writer(path)),
        writer_(*writer_db_, "BEGIN IMMEDIATE"),
        readers_(open_readers(path, readers), "BEGIN") {}

  void write(const WriteJob& job) override { writer_.write(job); }
  void submit(WriteJob job, WriteDone done) override {
    writer_.submit(std::move(job), std::move(done));
  }
  void read(const ReadJob& job) override { readers_.read(job); }
  StoreStats stats() const override { return writer_.stats(); }

  int schema_version() override {
    int version = 0;
    read([&](SqlConnection& db) {
      version =
          static_cast<int>(db.query_one("SELECT MAX(version) FROM schema_migrations")->integer(0));
    });
    return version;
  }

 private:
  static std::unique_ptr<SqliteConnection> open_writer(const std::string& path) {
    auto db = std::make_unique<SqliteConnection>(path, SqliteConnection::Mode::read_write);
    db->execute_script("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;");
    apply_migrations(*db);
    return db;
  }

  static std::vector<std::unique_ptr<SqlConnection>> open_readers(const std::string& path,
                                                                  int count) {
    std::vector<std::unique_ptr<SqlConnection>> readers;
    for (int i = 0; i < count; ++i) {
      auto reader = std::make_unique<SqliteConnection>(path, SqliteConnection::Mode::read_only);
      reader->execute_script("PRAGMA foreign_keys=ON;");
      readers.push_back(std::move(reader));
    }
    return readers;
  }

  // Declared first: the writer thread and the readers use it until they are destroyed.
  std::unique_ptr<SqliteConnection> writer_db_;
  GroupCommitWriter writer_;
  ReaderPool readers_;
};

}  // namespace

std::unique_ptr<Store> open_sqlite_store(const std::string& path, int reader_connections) {
  return std::make_unique<SqliteStore>(path, reader_connections);
}

}  // namespace motcua::store
