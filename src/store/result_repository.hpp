// Rows of the `dossier_results` table: the signed result file of a dossier (one per dossier). The
// bytes are in the folder of content-addressed files (file_blobs.hpp), named by `sha256`.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "store/sql.hpp"

namespace motcua::store {

struct ResultFileRecord {
  std::string dossier_id;
  std::string file_name;
  std::int64_t size = 0;
  std::string sha256;  // of the signed bytes
  std::string source;  // uploaded | generated
  std::string signer_subject;
  std::string signed_at;
  std::string attached_by;
  std::string attached_at;
};

// Inserts the dossier's result file, or replaces the one attached before.
void save_result_file(SqlConnection& db, const ResultFileRecord& result);
std::optional<ResultFileRecord> find_result_file(SqlConnection& db, const std::string& dossier_id);

}  // namespace motcua::store
