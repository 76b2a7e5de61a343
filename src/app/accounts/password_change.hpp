// A user replaces their own password, and an administrator resets an official's. Both end every
// session the user had (a password known to someone else must not keep old logins alive) and both
// are audited without the password itself. A reset leaves a password two people know, so its
// holder must change it at the next login (users.must_change_password): until then the API
// answers 403 password_change_required to everything but the change (api/session_guard.cpp).
// Argon2id is slow on purpose: verifying and hashing happen before the write job (prepare_*),
// and the write checks that the stored hash is still the one verified.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "app/accounts/accounts.hpp"
#include "app/admin/admin_views.hpp"
#include "app/common/actor.hpp"
#include "app/common/app_error.hpp"
#include "store/sql.hpp"

namespace motcua::app {

// Body of POST /api/v1/session/password.
struct PasswordChange {
  std::string current_password;
  std::string new_password;
};

// Verified and hashed outside the write job.
struct PreparedPasswordChange {
  std::string verified_hash;  // the stored hash the current password matched
  std::string new_hash;
};

// Reads the stored hash, checks the current password (422 wrong_current_password naming
// current_password), the new one's strength and that it differs (422 weak_password /
// same_password naming new_password), and hashes it.
AppResult<PreparedPasswordChange> prepare_password_change(store::SqlConnection& reader,
                                                          const Actor& actor,
                                                          const PasswordChange& change);

// In the write job: stores the new hash, clears the forced change, ends every session of the user,
// audits "user.password_changed" and opens a fresh session for the caller. A password changed
// meanwhile by someone else is a conflict (password_changed_meanwhile).
AppResult<Session> change_own_password(store::SqlConnection& db, const Actor& actor,
                                       const PreparedPasswordChange& change, std::int64_t now_s,
                                       const std::string& now_iso);

// Body of POST /api/v1/admin/users/{id}/password: the temporary password chosen by the
// administrator, or none to have one generated; and the reason (audit).
struct PasswordReset {
  std::string temporary_password;  // the one shown once to the administrator
  bool generated = false;
  std::string password_hash;
  std::string reason;
};

// Generates a temporary password when none is given, checks it and hashes it.
AppResult<PasswordReset> prepare_password_reset(std::string temporary_password, std::string reason);

struct PasswordResetView {
  OfficialView official;
  std::string temporary_password;  // shown once; never stored in clear
  bool generated = false;
};

// An administrator (within scope, as for other edits of the official) sets the temporary password,
// forces its change at next login, ends the official's sessions, audits "user.password_reset".
AppResult<PasswordResetView> reset_password(store::SqlConnection& db, const Actor& actor,
                                            const std::string& user_id, const PasswordReset& reset,
                                            const std::string& now_iso);

}  // namespace motcua::app
