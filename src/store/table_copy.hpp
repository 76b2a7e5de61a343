// Copies every table of a SQLite database into another database of the same schema version (the
// move of a province to PostgreSQL, `motcua migrate-db`), keeping every column value as it is:
// event hashes and sequence numbers, audit rows, dossier codes. The table list and the order come
// from the source's schema (sqlite_master and its foreign keys), never from a hand-written list
// that could drift from the migrations. The target is written through the Store interface only,
// so the same code fills a SQLite file or a PostgreSQL database.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/sql.hpp"
#include "store/store.hpp"

namespace motcua::store {

struct ForeignKey {
  std::string column;
  std::string parent_table;
  std::string parent_column;
};

struct TableShape {
  std::string name;
  std::vector<std::string> columns;  // in declaration order
  std::vector<ForeignKey> foreign_keys;
  // The single INTEGER PRIMARY KEY column (an identity on PostgreSQL), if the table has one.
  std::optional<std::string> integer_key;
  bool has_rowid = true;
  // A trigger of the schema inserts into this table (dossier_outcomes_dirty): the target's own
  // triggers fill it while the other tables are copied.
  bool filled_by_triggers = false;
};

// The tables to copy from a SQLite database, each after the tables it references, the tables filled
// by triggers last. SQLite's own tables and schema_migrations (each engine migrates itself) are
// left out. Throws StoreError on a foreign-key cycle between tables.
std::vector<TableShape> sqlite_tables_to_copy(SqlConnection& sqlite);

// The first table of `tables` that already holds rows in `db` (the filled-by-trigger ones aside),
// with its row count: a move goes into an empty database only.
struct OccupiedTable {
  std::string table;
  std::int64_t rows = 0;
};
std::optional<OccupiedTable> first_occupied_table(SqlConnection& db,
                                                  const std::vector<TableShape>& tables);

std::int64_t count_rows(SqlConnection& db, const std::string& table);

// The hash of the newest event (the head of the chain), none in an empty log: equal heads on both
// sides, with both chains verifying, mean the target holds the very same history.
std::optional<std::string> chain_head(SqlConnection& db);

struct TableCopied {
  std::string table;
  std::int64_t source_rows = 0;
  std::int64_t target_rows = 0;
};

struct CopyReport {
  std::vector<TableCopied> tables;
  std::int64_t rows_copied = 0;
  std::int64_t write_jobs = 0;
  bool counts_equal() const;
};

// Copies `tables` from `source` (a SQLite connection inside one read transaction, so the copy is
// one consistent snapshot) into `target`, `batch_rows` rows per write job, then counts the rows of
// each table on both sides. On PostgreSQL it also moves the identity sequences past the copied
// keys. Throws StoreError / ConstraintError if the target refuses a row.
CopyReport copy_tables(SqlConnection& source, Store& target, const std::vector<TableShape>& tables,
                       std::size_t batch_rows = 500);

}  // namespace motcua::store
