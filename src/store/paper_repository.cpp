#include "store/paper_repository.hpp"

namespace motcua::store {

namespace {

constexpr const char* kInsert =
    "INSERT INTO papers(id, dossier_id, paper_name, file_name, content_type, size, sha256, "
    "uploaded_by, uploaded_at, paper_id, reused_from) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
constexpr const char* kFind =
    "SELECT id, dossier_id, paper_name, file_name, content_type, size, sha256, uploaded_by, "
    "uploaded_at, paper_id, reused_from FROM papers WHERE dossier_id = ? AND id = ?";
constexpr const char* kCount = "SELECT COUNT(*) FROM papers WHERE dossier_id = ?";
constexpr const char* kProcedureDocument =
    "SELECT document FROM procedures WHERE code = ? AND version = ?";

}  // namespace

void insert_paper(SqlConnection& db, const PaperRecord& p) {
  db.execute(kInsert, {p.id, p.dossier_id, p.paper_name, p.file_name, p.content_type, p.size,
                       p.sha256, p.uploaded_by, p.uploaded_at, p.catalog_paper_id, p.reused_from});
}

std::optional<PaperRecord> find_paper(SqlConnection& db, const std::string& dossier_id,
                                      const std::string& paper_id) {
  const auto row = db.query_one(kFind, {dossier_id, paper_id});
  if (!row) return std::nullopt;
  return PaperRecord{row->text(0), row->text(1),    row->text(2), row->text(3),
                     row->text(4), row->integer(5), row->text(6), row->text(7),
                     row->text(8), row->text(9),    row->text(10)};
}

std::int64_t count_papers(SqlConnection& db, const std::string& dossier_id) {
  return db.query_one(kCount, {dossier_id})->integer(0);
}

std::optional<std::string> procedure_version_document(SqlConnection& db, const std::string& code,
                                                      std::int64_t version) {
  const auto row = db.query_one(kProcedureDocument, {code, version});
  if (!row) return std::nullopt;
  return row->text(0);
}

}  // namespace motcua::store
