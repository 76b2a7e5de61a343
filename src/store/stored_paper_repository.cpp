#include "store/stored_paper_repository.hpp"

namespace motcua::store {

namespace {

constexpr const char* kColumns =
    "SELECT id, owner_id, catalog_paper_id, name, file_name, content_type, sha256, size, "
    "source_dossier_id, source_paper_id, kept_at, valid_until FROM stored_papers ";
constexpr const char* kInsert =
    "INSERT INTO stored_papers(id, owner_id, catalog_paper_id, name, file_name, content_type, "
    "sha256, size, source_dossier_id, source_paper_id, kept_at, valid_until) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
constexpr const char* kCount = "SELECT COUNT(*) FROM stored_papers WHERE owner_id = ?";
constexpr const char* kRename = "UPDATE stored_papers SET name = ? WHERE owner_id = ? AND id = ?";
constexpr const char* kDelete = "DELETE FROM stored_papers WHERE owner_id = ? AND id = ?";

StoredPaperRecord from_row(const SqlRow& r) {
  return StoredPaperRecord{r.text(0), r.text(1),    r.text(2), r.text(3), r.text(4),  r.text(5),
                           r.text(6), r.integer(7), r.text(8), r.text(9), r.text(10), r.text(11)};
}

}  // namespace

void insert_stored_paper(SqlConnection& db, const StoredPaperRecord& p) {
  db.execute(kInsert,
             {p.id, p.owner_id, p.catalog_paper_id, p.name, p.file_name, p.content_type, p.sha256,
              p.size, p.source_dossier_id, p.source_paper_id, p.kept_at, p.valid_until});
}

std::vector<StoredPaperRecord> stored_papers_of(SqlConnection& db, const std::string& owner_id) {
  std::vector<StoredPaperRecord> out;
  for (const auto& r : db.query(
           std::string(kColumns) + "WHERE owner_id = ? ORDER BY kept_at DESC, id", {owner_id})) {
    out.push_back(from_row(r));
  }
  return out;
}

std::optional<StoredPaperRecord> find_stored_paper(SqlConnection& db, const std::string& owner_id,
                                                   const std::string& id) {
  const auto row =
      db.query_one(std::string(kColumns) + "WHERE owner_id = ? AND id = ?", {owner_id, id});
  if (!row) return std::nullopt;
  return from_row(*row);
}

std::optional<StoredPaperRecord> find_stored_paper_from(SqlConnection& db,
                                                        const std::string& owner_id,
                                                        const std::string& source_paper_id) {
  const auto row =
      db.query_one(std::string(kColumns) + "WHERE owner_id = ? AND source_paper_id = ?",
                   {owner_id, source_paper_id});
  if (!row) return std::nullopt;
  return from_row(*row);
}

std::int64_t count_stored_papers(SqlConnection& db, const std::string& owner_id) {
  return db.query_one(kCount, {owner_id})->integer(0);
}

bool rename_stored_paper(SqlConnection& db, const std::string& owner_id, const std::string& id,
                         const std::string& name) {
  return db.execute(kRename, {name, owner_id, id}) > 0;
}

bool delete_stored_paper(SqlConnection& db, const std::string& owner_id, const std::string& id) {
  return db.execute(kDelete, {owner_id, id}) > 0;
}

}  // namespace motcua::store
