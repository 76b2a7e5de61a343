#include "store/identity_repository.hpp"

#include "store/personal_data.hpp"

namespace motcua::store {

namespace {
constexpr const char* kInsertAttempt =
    "INSERT INTO oidc_login_attempts(state_hash, nonce, verifier_hash, return_path, created_at, "
    "expires_s) VALUES (?, ?, ?, ?, ?, ?)";
constexpr const char* kAttempt =
    "SELECT state_hash, nonce, verifier_hash, return_path, created_at, expires_s "
    "FROM oidc_login_attempts WHERE state_hash = ?";
constexpr const char* kDeleteAttempt = "DELETE FROM oidc_login_attempts WHERE state_hash = ?";
constexpr const char* kDeleteExpired = "DELETE FROM oidc_login_attempts WHERE expires_s < ?";
constexpr const char* kIdentity =
    "SELECT issuer, subject, user_id, id_number FROM user_identities "
    "WHERE issuer = ? AND subject = ?";
constexpr const char* kInsertIdentity =
    "INSERT INTO user_identities(issuer, subject, user_id, id_number, linked_at, last_login_at) "
    "VALUES (?, ?, ?, ?, ?, ?)";
constexpr const char* kTouchIdentity =
    "UPDATE user_identities SET id_number = ?, last_login_at = ? WHERE issuer = ? AND subject = ?";
constexpr const char* kIdentityUser =
    "SELECT user_id FROM user_identities WHERE issuer = ? AND subject = ?";
constexpr const char* kVerified = "SELECT 1 FROM user_identities WHERE user_id = ?";
}  // namespace

void insert_oidc_attempt(SqlConnection& db, const OidcAttemptRow& r) {
  db.execute(kInsertAttempt,
             {r.state_hash, r.nonce, r.verifier_hash, r.return_path, r.created_at, r.expires_s});
}

std::optional<OidcAttemptRow> take_oidc_attempt(SqlConnection& db, const std::string& state_hash) {
  const auto row = db.query_one(kAttempt, {state_hash});
  if (!row) return std::nullopt;
  if (db.execute(kDeleteAttempt, {state_hash}) != 1) return std::nullopt;
  return OidcAttemptRow{row->text(0), row->text(1), row->text(2),
                        row->text(3), row->text(4), row->integer(5)};
}

void delete_expired_oidc_attempts(SqlConnection& db, std::int64_t now_s) {
  db.execute(kDeleteExpired, {now_s});
}

std::optional<IdentityRow> find_identity(SqlConnection& db, const std::string& issuer,
                                         const std::string& subject) {
  const auto row = db.query_one(kIdentity, {issuer, subject});
  if (!row) return std::nullopt;
  // The ID number the provider vouched for is sealed at rest (store/personal_data.hpp).
  // Bound to the account the identity is linked to.
  return IdentityRow{row->text(0), row->text(1), row->text(2),
                     unseal(row->text(3), "user_identities", "id_number", row->text(2))};
}

void insert_identity(SqlConnection& db, const IdentityRow& r, const std::string& now_iso) {
  db.execute(kInsertIdentity,
             {r.issuer, r.subject, r.user_id,
              seal(r.id_number, "user_identities", "id_number", r.user_id), now_iso, now_iso});
}

void touch_identity(SqlConnection& db, const std::string& issuer, const std::string& subject,
                    const std::string& id_number, const std::string& now_iso) {
  // The value is bound to the linked account (store/personal_data.cpp), which the caller does not
  // name: read from the row, whose link never changes.
  const auto row = db.query_one(kIdentityUser, {issuer, subject});
  if (!row) return;
  db.execute(kTouchIdentity, {seal(id_number, "user_identities", "id_number", row->text(0)),
                              now_iso, issuer, subject});
}

bool identity_verified(SqlConnection& db, const std::string& user_id) {
  return db.query_one(kVerified, {user_id}).has_value();
}

}  // namespace motcua::store
