// The National Public Service Portal link's rows (migration 0027): dossiers pulled from the portal
// mapped to MotCua's, the reconciliation reports, and the dossier states reconciliation compares.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/sql.hpp"

namespace motcua::store {

// The disabled account (no password) that dossiers pulled from the portal are submitted by, created
// the first time it is needed rather than by the migration, so that a fresh database stays empty
// for `motcua migrate-db`.
void ensure_system_account(SqlConnection& db, const std::string& id,
                           const std::string& display_name, const std::string& now_iso);

// The MotCua dossier made for a portal dossier, if it was pulled before.
std::optional<std::string> dossier_of_portal_code(SqlConnection& db,
                                                  const std::string& portal_code);
// Throws ConstraintError when the portal code is already mapped (another server pulled it first).
void insert_portal_inbound(SqlConnection& db, const std::string& portal_code,
                           std::int64_t portal_seq, const std::string& dossier_id,
                           const std::string& now_iso);
// The highest portal sequence pulled so far (0 before any): the next pull asks for later ones.
std::int64_t last_portal_seq(SqlConnection& db);
// The portal code a dossier was pulled under; nullopt for a dossier that did not come from it.
std::optional<std::string> portal_code_of_dossier(SqlConnection& db, const std::string& dossier_id);

// What reconciliation compares, for every dossier that has a code.
struct CodedDossierState {
  std::string id;
  std::string code;
  std::string status;
  std::optional<std::int64_t> due_s;
};
std::vector<CodedDossierState> coded_dossier_states(SqlConnection& db);

void insert_portal_reconciliation(SqlConnection& db, const std::string& ran_at,
                                  const std::string& report);
struct StoredReconciliation {
  std::string ran_at;
  std::string report;  // JSON
};
std::optional<StoredReconciliation> last_portal_reconciliation(SqlConnection& db);

}  // namespace motcua::store
