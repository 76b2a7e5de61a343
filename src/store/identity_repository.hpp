// Citizen login through OpenID Connect: the logins started and not yet finished, and the
// identities a provider vouched for, linked to applicant accounts (migration 0035).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "store/sql.hpp"

namespace motcua::store {

struct OidcAttemptRow {
  std::string state_hash;
  std::string nonce;
  std::string verifier_hash;
  std::string return_path;
  std::string created_at;
  std::int64_t expires_s = 0;
};

struct IdentityRow {
  std::string issuer;
  std::string subject;
  std::string user_id;
  std::string id_number;
};

void insert_oidc_attempt(SqlConnection& db, const OidcAttemptRow& row);
// Reads and deletes the attempt in one go: a state is used once, even by two callbacks racing
// on two servers (only the one whose DELETE removed the row gets it back).
std::optional<OidcAttemptRow> take_oidc_attempt(SqlConnection& db, const std::string& state_hash);
void delete_expired_oidc_attempts(SqlConnection& db, std::int64_t now_s);

std::optional<IdentityRow> find_identity(SqlConnection& db, const std::string& issuer,
                                         const std::string& subject);
void insert_identity(SqlConnection& db, const IdentityRow& row, const std::string& now_iso);
void touch_identity(SqlConnection& db, const std::string& issuer, const std::string& subject,
                    const std::string& id_number, const std::string& now_iso);
// Whether the user logged in through a provider at least once (the portal's
// TaiKhoanDuocXacThucVoiVNeID).
bool identity_verified(SqlConnection& db, const std::string& user_id);

}  // namespace motcua::store
