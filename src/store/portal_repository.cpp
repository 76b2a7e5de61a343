#include "store/portal_repository.hpp"

namespace motcua::store {

void ensure_system_account(SqlConnection& db, const std::string& id,
                           const std::string& display_name, const std::string& now_iso) {
  db.execute(
      "INSERT INTO users(id, username, kind, display_name, password_hash, disabled, created_at) "
      "VALUES (?, ?, 'system', ?, '!', 1, ?) ON CONFLICT DO NOTHING",
      {id, id, display_name, now_iso});
}

std::optional<std::string> dossier_of_portal_code(SqlConnection& db,
                                                  const std::string& portal_code) {
  const auto row =
      db.query_one("SELECT dossier_id FROM portal_inbound WHERE portal_code = ?", {portal_code});
  if (!row) return std::nullopt;
  return row->text(0);
}

void insert_portal_inbound(SqlConnection& db, const std::string& portal_code,
                           std::int64_t portal_seq, const std::string& dossier_id,
                           const std::string& now_iso) {
  db.execute(
      "INSERT INTO portal_inbound(portal_code, portal_seq, dossier_id, pulled_at) "
      "VALUES (?, ?, ?, ?)",
      {portal_code, portal_seq, dossier_id, now_iso});
}

std::int64_t last_portal_seq(SqlConnection& db) {
  const auto row = db.query_one("SELECT MAX(portal_seq) FROM portal_inbound");
  return row ? row->optional_integer(0).value_or(0) : 0;
}

std::optional<std::string> portal_code_of_dossier(SqlConnection& db,
                                                  const std::string& dossier_id) {
  const auto row =
      db.query_one("SELECT portal_code FROM portal_inbound WHERE dossier_id = ?", {dossier_id});
  if (!row) return std::nullopt;
  return row->text(0);
}

std::vector<CodedDossierState> coded_dossier_states(SqlConnection& db) {
  std::vector<CodedDossierState> out;
  for (const auto& r : db.query(
           "SELECT id, code, status, due_s FROM dossiers WHERE code IS NOT NULL ORDER BY code")) {
    out.push_back({r.text(0), r.text(1), r.text(2), r.optional_integer(3)});
  }
  return out;
}

void insert_portal_reconciliation(SqlConnection& db, const std::string& ran_at,
                                  const std::string& report) {
  db.execute("INSERT INTO portal_reconciliations(ran_at, report) VALUES (?, ?)", {ran_at, report});
}

std::optional<StoredReconciliation> last_portal_reconciliation(SqlConnection& db) {
  const auto row =
      db.query_one("SELECT ran_at, report FROM portal_reconciliations ORDER BY id DESC LIMIT 1");
  if (!row) return std::nullopt;
  return StoredReconciliation{row->text(0), row->text(1)};
}

}  // namespace motcua::store
