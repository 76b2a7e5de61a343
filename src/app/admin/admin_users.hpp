// Officials and their roles as administrators manage them: list, create with a temporary password,
// rename, disable or enable, grant and revoke a role at an agency. Password hashes never leave the
// store. An administrator acts only within the subtree of their administrator grants, every change
// needs a reason and lands in the audit log, and concurrent edits of one official are refused by
// the version the editor read (409).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/admin/admin_views.hpp"
#include "app/common/actor.hpp"
#include "app/common/app_error.hpp"
#include "store/sql.hpp"
#include "store/user_repository.hpp"

namespace motcua::app {

// 403 unless the actor holds an administrator grant.
AppResult<void> require_administrator(const Actor& actor);

// The official `user_id` if the actor may manage them: every agency the official holds a role at
// lies in the actor's administrator scope (404 for no such official, 403 outside the scope).
AppResult<store::UserRow> manageable_official(store::SqlConnection& db, const Actor& actor,
                                              const std::string& user_id);

// Officials whose username or name contains `query` (empty: all), with their grants.
// An account as the administrators' pages show it (a phone user name shown masked).
OfficialView official_view(const store::UserRow& u);

AppResult<std::vector<OfficialView>> list_officials(store::SqlConnection& db, const Actor& actor,
                                                    const std::string& query);

struct NewOfficial {
  std::string username;
  std::string display_name;
  std::string email;
  std::string phone;
  std::string password_hash;  // of the temporary password, hashed outside the transaction
  std::vector<RoleGrant> grants;
  std::string reason;
};
// A create body is read, checked and its password hashed by api/json/admin_json.cpp
// (new_official_from_json), outside the write job: Argon2id is slow on purpose.
// 3-64 characters: lowercase letters, digits, '.', '_' and '-'.
bool valid_username(const std::string& username);
// The refusals of a new official's username and temporary password, shared by the admin users
// screen and `motcua admin create-user`: invalid_username, weak_password (nothing when fine).
std::optional<AppError> username_problem(const std::string& username);
std::optional<AppError> temporary_password_problem(const std::string& password);

AppResult<OfficialView> create_official(store::SqlConnection& db, const Actor& actor,
                                        const NewOfficial& official, const std::string& now_iso);

// Body: {display_name?, disabled?, expected_version, reason}, decoded. `field_error` is the first
// problem with the body, reported once the official is found and manageable.
struct OfficialEdit {
  std::optional<std::string> display_name;
  std::optional<bool> disabled;
  std::int64_t expected_version = 0;
  std::string reason;
  std::optional<AppError> field_error;
};
AppResult<OfficialView> update_official(store::SqlConnection& db, const Actor& actor,
                                        const std::string& user_id, const OfficialEdit& edit,
                                        const std::string& now_iso);

// Grants (grant = true) or revokes a role at an agency. Idempotent: granting a held role or
// revoking an absent one changes nothing and records nothing.
AppResult<OfficialView> change_grant(store::SqlConnection& db, const Actor& actor,
                                     const std::string& user_id, const std::string& role,
                                     const std::string& agency_id, bool grant,
                                     const std::string& reason, const std::string& now_iso);

}  // namespace motcua::app
