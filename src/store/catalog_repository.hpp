// Procedure versions in the `procedures` table. A new import of a procedure whose content changed
// adds a version effective from the import day; dossiers keep the version they were received
// under. The content hash (SHA-256 of the canonical text) tells "unchanged" from "updated".
#pragma once

#include <string>

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

}  // namespace motcua::store
