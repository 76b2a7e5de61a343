// The PostgreSQL engine: the same contract as the SQLite one (store/store.hpp). One writer
// connection on the writer thread merges queued jobs into one transaction, one savepoint per job
// and one COMMIT (group commit, store/group_commit_writer.hpp); reads run on a pool of connections,
// each read in a REPEATABLE READ READ ONLY transaction so that the job sees one snapshot.
#include <memory>

#include "store/audit_log.hpp"
#include "store/connection_store.hpp"
#include "store/migrations.hpp"
#include "store/personal_data.hpp"
#include "store/postgres/postgres_connection.hpp"
#include "store/store.hpp"

namespace motcua::store {

namespace {

// The migration that hash-chains the audit log (0020_audit_chain_anchors.sql).
constexpr int kAuditChainMigration = 20;
// The migration after which personal data is sealed (0053_sealed_personal_data.sql).
constexpr int kSealedPersonalDataMigration = 53;
constexpr int kSealedContactAddressesMigration = 61;
// The migration that stores dossiers' sealed documents as bytes
// (0064_sealed_documents_as_bytes.sql).
constexpr int kSealedDocumentsAsBytesMigration = 64;

// Any constant shared by every MotCua server: the advisory lock that serialises migrations.
constexpr std::int64_t kMigrationLock = 0x4d6f74437561;  // "MotCua"

// Several servers may start at once against one database: each takes the transaction-level
// advisory lock before reading the schema version, so exactly one applies a migration and the
// others then see it applied. The lock is released by the COMMIT.
void apply_migrations(PostgresConnection& db) {
  db.execute_script("BEGIN");
  try {
    db.execute("SELECT pg_advisory_xact_lock(?)", {kMigrationLock});
    db.execute_script(
        "CREATE TABLE IF NOT EXISTS schema_migrations ("
        " version BIGINT PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)");
    const auto row = db.query_one("SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
    const std::int64_t current = row ? row->integer(0) : 0;
    for (const auto& m : postgres_migrations()) {
      if (m.version <= current) continue;
      db.execute_script(m.sql);
      // SQL has no SHA-256 on SQLite: the rows the chain finds are chained here, in the same
      // transaction as the migration that added it.
      if (m.version == kAuditChainMigration) chain_unchained_audit(db);
      // SQL has no key either: the clear values are sealed here, in the same transaction.
      if (m.version == kSealedPersonalDataMigration) seal_clear_personal_data(db, m.version);
      if (m.version == kSealedContactAddressesMigration) seal_contact_addresses(db);
      // The text forms the column's new type kept as bytes become the binary form.
      if (m.version == kSealedDocumentsAsBytesMigration) convert_sealed_documents_to_bytes(db);
      db.execute(
          "INSERT INTO schema_migrations(version, name, applied_at) "
          "VALUES (?, ?, to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'))",
          {std::int64_t{m.version}, m.name});
    }
    db.execute_script("COMMIT");
  } catch (...) {
    try {
      db.execute_script("ROLLBACK");
    } catch (...) {
    }
    throw;
  }
}

std::unique_ptr<PostgresConnection> open_writer(const std::string& url) {
  auto db = std::make_unique<PostgresConnection>(url);
  apply_migrations(*db);
  return db;
}

std::vector<std::unique_ptr<SqlConnection>> open_readers(const std::string& url, int count) {
  std::vector<std::unique_ptr<SqlConnection>> readers;
  for (int i = 0; i < count; ++i) readers.push_back(std::make_unique<PostgresConnection>(url));
  return readers;
}

}  // namespace

std::unique_ptr<Store> open_postgres_store(const std::string& url, int reader_connections) {
  return std::make_unique<ConnectionStore>(
      EngineConnections{open_writer(url), "BEGIN", open_readers(url, reader_connections),
                        "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"});
}

}  // namespace motcua::store
