// Procedure versions in the `procedures` table. A new import of a procedure whose content changed
// adds a version effective from the import day; dossiers keep the version they were received
// under. The content hash (SHA-256 of the canonical text) tells "unchanged" from "updated".
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "store/sql.hpp"

namespace motcua::store {

struct ProcedureRow {
  std::string code;
  std::string name;
  std::string name_folded;
  std::string field;
  std::string level;
  std::string source;
  std::string content_hash;
  std::string document;  // JSON
};

// effective_from of a procedure's first known version.
inline constexpr const char* kInForceBeforeImport = "0001-01-01";

enum class UpsertOutcome { imported, updated, unchanged };

// `effective_from` is the local date (YYYY-MM-DD) the new version takes effect.
UpsertOutcome upsert_procedure(SqlConnection& db, const ProcedureRow& row,
                               const std::string& effective_from, const std::string& now_iso);

// One stored version of a procedure.
struct ProcedureVersionRow {
  std::string code;
  std::int64_t version = 0;
  std::string name;
  std::string name_folded;
  std::string field;
  std::string level;
  std::string effective_from;
  std::string document;  // JSON; empty where a query leaves it out
};

bool procedure_exists(SqlConnection& db, const std::string& code);
// The newest version of a procedure, whatever its date (the catalog as published now).
std::optional<ProcedureVersionRow> latest_procedure(SqlConnection& db, const std::string& code);
// The version in force on `date` (YYYY-MM-DD): the newest one effective on or before it.
std::optional<ProcedureVersionRow> procedure_in_force(SqlConnection& db, const std::string& code,
                                                      const std::string& date);
// One stored version.
std::optional<ProcedureVersionRow> procedure_version(SqlConnection& db, const std::string& code,
                                                     std::int64_t version);
// The newest version of every procedure, without their documents (the typo-forgiving search
// indexes these in memory).
std::vector<ProcedureVersionRow> latest_procedures(SqlConnection& db);
// The catalog's stamp (migration 0056): a new random value in the same transaction as every
// change of the newest versions, so equal stamps mean equal latest_procedures(). "" before the
// migration.
std::string catalog_stamp(SqlConnection& db);

// The search box's exact match over the newest versions (without documents): the code starting
// with `code_prefix`, or the folded name containing every one of `folded_words`; every procedure
// when there are no words. Shortest names first, at most `limit`.
std::vector<ProcedureVersionRow> search_latest_procedures(
    SqlConnection& db, const std::string& code_prefix, const std::vector<std::string>& folded_words,
    int limit);

// The statement search_latest_procedures runs, through the index of migration 0047 (trigrams of
// the folded names: FTS5 on SQLite, pg_trgm on PostgreSQL), exposed so a test can read its plan.
struct SqlQuery {
  std::string sql;
  std::vector<SqlValue> params;
};
SqlQuery procedure_search_query(Dialect dialect, const std::string& code_prefix,
                                const std::vector<std::string>& folded_words, int limit);

// Every stored version's document (the upgrade re-reads them: app/imports/document_upgrade.hpp).
struct StoredProcedureDocument {
  std::string code;
  std::int64_t version = 0;
  std::string document;
};
std::vector<StoredProcedureDocument> procedure_documents(SqlConnection& db);
// Rewrites one version's document in place: the same content in a newer shape, not a new version.
void replace_procedure_document(SqlConnection& db, const std::string& code, std::int64_t version,
                                const std::string& document);

// The name of the newest version ("" for an unknown code).
std::string latest_procedure_name(SqlConnection& db, const std::string& code);

}  // namespace motcua::store
