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
  // The catalog paper this is (catalog/paper_identity.hpp); empty when the uploader named the paper
  // in free text (a supplement request's item) or for papers uploaded before ids existed.
  std::string catalog_paper_id;
  // The applicant's stored paper (stored_paper_repository.hpp) this was taken from without an
  // upload; empty for an upload.
  std::string reused_from = {};
};

void insert_paper(SqlConnection& db, const PaperRecord& paper);
// The paper `paper_id` of dossier `dossier_id` (a paper of another dossier is not found).
std::optional<PaperRecord> find_paper(SqlConnection& db, const std::string& dossier_id,
                                      const std::string& paper_id);
std::int64_t count_papers(SqlConnection& db, const std::string& dossier_id);

// The stored document (JSON) of version `version` of procedure `code`, the one a dossier was
// created under; nullopt when there is no such version.
std::optional<std::string> procedure_version_document(SqlConnection& db, const std::string& code,
                                                      std::int64_t version);

}  // namespace motcua::store
