#include "store/result_repository.hpp"

namespace motcua::store {

namespace {

// ON CONFLICT ... DO UPDATE is the same text on SQLite (3.24+) and PostgreSQL.
constexpr const char* kSave =
    "INSERT INTO dossier_results(dossier_id, file_name, size, sha256, source, signer_subject, "
    "signed_at, attached_by, attached_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
    "ON CONFLICT (dossier_id) DO UPDATE SET file_name = excluded.file_name, size = excluded.size, "
    "sha256 = excluded.sha256, source = excluded.source, signer_subject = excluded.signer_subject, "
    "signed_at = excluded.signed_at, attached_by = excluded.attached_by, "
    "attached_at = excluded.attached_at";
constexpr const char* kFind =
    "SELECT dossier_id, file_name, size, sha256, source, signer_subject, signed_at, attached_by, "
    "attached_at FROM dossier_results WHERE dossier_id = ?";

}  // namespace

void save_result_file(SqlConnection& db, const ResultFileRecord& r) {
  db.execute(kSave, {r.dossier_id, r.file_name, r.size, r.sha256, r.source, r.signer_subject,
                     r.signed_at, r.attached_by, r.attached_at});
}

std::optional<ResultFileRecord> find_result_file(SqlConnection& db, const std::string& dossier_id) {
  const auto row = db.query_one(kFind, {dossier_id});
  if (!row) return std::nullopt;
  return ResultFileRecord{row->text(0), row->text(1), row->integer(2), row->text(3), row->text(4),
                          row->text(5), row->text(6), row->text(7),    row->text(8)};
}

}  // namespace motcua::store
