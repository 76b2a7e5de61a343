// Rows of `stored_papers`: the applicant's paper store (kho giấy tờ, Decree 45/2020 Art 16). Every
// query takes the owner, so a row of another applicant is never found (app/paper_store says why).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/sql.hpp"

namespace motcua::store {

struct StoredPaperRecord {
  std::string id;
  std::string owner_id;
  std::string catalog_paper_id;  // empty when the paper was named in free text
  std::string name;
  std::string file_name;
  std::string content_type;
  std::string sha256;
  std::int64_t size = 0;
  std::string source_dossier_id;
  std::string source_paper_id;
  std::string kept_at;
  std::string valid_until;  // YYYY-MM-DD or empty
};

void insert_stored_paper(SqlConnection& db, const StoredPaperRecord& paper);
// The owner's papers, newest first.
std::vector<StoredPaperRecord> stored_papers_of(SqlConnection& db, const std::string& owner_id);
std::optional<StoredPaperRecord> find_stored_paper(SqlConnection& db, const std::string& owner_id,
                                                   const std::string& id);
// The owner's paper kept from dossier paper `source_paper_id`, if any (keeping twice is one row).
std::optional<StoredPaperRecord> find_stored_paper_from(SqlConnection& db,
                                                        const std::string& owner_id,
                                                        const std::string& source_paper_id);
std::int64_t count_stored_papers(SqlConnection& db, const std::string& owner_id);
// Both return whether the owner had such a row.
bool rename_stored_paper(SqlConnection& db, const std::string& owner_id, const std::string& id,
                         const std::string& name);
bool delete_stored_paper(SqlConnection& db, const std::string& owner_id, const std::string& id);

}  // namespace motcua::store
