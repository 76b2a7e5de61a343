// Rows of the `processes` table: internal processes (quy trình nội bộ), one row per version. A
// saved change adds a version and never rewrites an old one, because a dossier keeps the version
// in force when it was created. `document` is the process as JSON (codec/process_json.hpp); this
// layer does not parse it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/sql.hpp"

namespace motcua::store {

struct ProcessRow {
  std::string id;
  std::int64_t version = 0;
  std::string procedure_code;
  std::string agency_id;
  std::string document;  // JSON
  std::string updated_by;
  std::string updated_at;
};

// Throws ConstraintError when (id, version) exists already: a concurrent save.
void insert_process(SqlConnection& db, const ProcessRow& row);
std::optional<ProcessRow> latest_process(SqlConnection& db, const std::string& id);
std::optional<ProcessRow> process_version(SqlConnection& db, const std::string& id,
                                          std::int64_t version);

// The latest version of each process, filtered by procedure and agency when they are not empty,
// ordered by id.
std::vector<ProcessRow> list_latest_processes(SqlConnection& db, const std::string& procedure_code,
                                              const std::string& agency_id);

// The process in force for a procedure at an agency: the latest version saved for the pair. One
// process per pair is the norm; with several, the one saved last wins.
std::optional<ProcessRow> process_in_force(SqlConnection& db, const std::string& procedure_code,
                                           const std::string& agency_id);

}  // namespace motcua::store
