// Rows of the `papers` table: the papers attached to a dossier (giấy tờ đính kèm). The bytes are
// not here but in the folder of content-addressed files (file_blobs.hpp), named by `sha256`.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "store/sql.hpp"

namespace motcua::store {

struct PaperRecord {
  std::string id;
  std::string dossier_id;
  std::string paper_name;  // what the paper is, e.g. "Giấy chứng sinh"
  std::string file_name;   // as uploaded, cleaned
  std::string content_type;
  std::int64_t size = 0;
  std::string sha256;
  std::string uploaded_by;
  std::string uploaded_at;
};

void insert_paper(SqlConnection& db, const PaperRecord& paper);
// The paper `paper_id` of dossier `dossier_id` (a paper of another dossier is not found).
std::optional<PaperRecord> find_paper(SqlConnection& db, const std::string& dossier_id,
                                      const std::string& paper_id);
std::int64_t count_papers(SqlConnection& db, const std::string& dossier_id);

}  // namespace motcua::store
