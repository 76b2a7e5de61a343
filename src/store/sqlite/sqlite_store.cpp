// The SQLite engine: one writer connection on its own thread that merges queued write jobs into one
// transaction and one fsync (group commit, store/group_commit_writer.hpp), and a pool of read-only
// connections. WAL mode lets readers proceed while the writer commits; synchronous=FULL makes an
// acknowledged commit survive power loss.
#include <memory>

#include "store/audit_log.hpp"
#include "store/connection_store.hpp"
#include "store/event_log.hpp"
#include "store/migrations.hpp"
#include "store/personal_data.hpp"
#include "store/sqlite/bulk_store.hpp"
#include "store/sqlite/sqlite_connection.hpp"
#include "store/store.hpp"

namespace motcua::store {

namespace {

// The migration that hash-chains the audit log (0020_audit_chain_anchors.sql).
constexpr int kAuditChainMigration = 20;
// The migration after which personal data is sealed (0053_sealed_personal_data.sql).
constexpr int kSealedPersonalDataMigration = 53;
// The migration that stores event hashes as bytes (0058_event_hashes_as_bytes.sql).
constexpr int kEventHashesAsBytesMigration = 58;
// The migration that seals one-time-code and pending sign-up addresses
// (0061_sealed_contact_addresses.sql).
constexpr int kSealedContactAddressesMigration = 61;
// The migration that stores dossiers' sealed documents as bytes
// (0064_sealed_documents_as_bytes.sql).
constexpr int kSealedDocumentsAsBytesMigration = 64;

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
      // SQL has no SHA-256 on SQLite: the rows the chain finds are chained here, in the same
      // transaction as the migration that added it.
      if (m.version == kAuditChainMigration) chain_unchained_audit(db);
      // SQL has no key either: the clear values are sealed here, in the same transaction.
      if (m.version == kSealedPersonalDataMigration) seal_clear_personal_data(db, m.version);
      // Nor unhex() (SQLite 3.40): the hex hashes are rewritten as bytes here.
      if (m.version == kEventHashesAsBytesMigration) convert_event_hashes_to_bytes(db);
      if (m.version == kSealedContactAddressesMigration) seal_contact_addresses(db);
      // Nor base64 or a key: the text forms become the binary form here.
      if (m.version == kSealedDocumentsAsBytesMigration) convert_sealed_documents_to_bytes(db);
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

std::unique_ptr<SqliteConnection> open_writer(const std::string& path, bool bulk = false) {
  auto db = std::make_unique<SqliteConnection>(path, SqliteConnection::Mode::read_write);
  db->execute_script("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;");
  if (bulk) db->execute_script("PRAGMA synchronous=OFF; PRAGMA cache_size=-262144;");
  apply_migrations(*db);
  db->checkpoint_in_background();
  return db;
}

std::vector<std::unique_ptr<SqlConnection>> open_readers(const std::string& path, int count) {
  std::vector<std::unique_ptr<SqlConnection>> readers;
  for (int i = 0; i < count; ++i) {
    auto reader = std::make_unique<SqliteConnection>(path, SqliteConnection::Mode::read_only);
    // 16 MB of pages per reader instead of SQLite's 2 MB: with the default, a work queue on a
    // large database read its pages again through pread for every request (a quarter of its
    // time at 100,000 dossiers, docs/performance.md "Ten years of history").
    reader->execute_script("PRAGMA foreign_keys=ON; PRAGMA cache_size=-16384;");
    readers.push_back(std::move(reader));
  }
  return readers;
}

}  // namespace

std::unique_ptr<Store> open_sqlite_store(const std::string& path, int reader_connections) {
  return std::make_unique<ConnectionStore>(EngineConnections{
      open_writer(path), "BEGIN IMMEDIATE", open_readers(path, reader_connections), "BEGIN"});
}

std::unique_ptr<Store> open_sqlite_bulk_store(const std::string& path) {
  return std::make_unique<ConnectionStore>(EngineConnections{
      open_writer(path, true), "BEGIN IMMEDIATE", open_readers(path, 1), "BEGIN"});
}

}  // namespace motcua::store
