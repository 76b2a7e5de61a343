// Accounts as the login needs them: creating a user with its password hash and role grants, and
// reading who a user is (kind, name, grants) or what their password hash is. Administrators' views
// of users (without hashes) are in store/user_repository.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "store/sql.hpp"

namespace motcua::store {

struct NewUserRow {
  std::string id;
  std::string username;
  std::string kind;  // applicant, official
  std::string display_name;
  std::string id_number;
  std::string email;
  std::string phone;
  std::string password_hash;
  std::string created_at;
};

// An enabled user as a session sees them.
struct ActiveUserRow {
  std::string id;
  std::string kind;
  std::string display_name;
  bool must_change_password = false;  // set by an administrator's reset (migration 0012)
};

struct CredentialRow {
  std::string user_id;
  std::string password_hash;
};

struct GrantRow {
  std::string role;
  std::string agency_id;
};

// Whether any user (enabled or not) holds `username`.
bool username_taken(SqlConnection& db, const std::string& username);
void insert_user(SqlConnection& db, const NewUserRow& row);
void insert_user_grant(SqlConnection& db, const std::string& user_id, const std::string& role,
                       const std::string& agency_id);
// Only enabled users: a disabled account neither logs in nor keeps its sessions working.
std::optional<ActiveUserRow> find_active_user(SqlConnection& db, const std::string& id);
std::optional<CredentialRow> credentials_of(SqlConnection& db, const std::string& username);
// The password hash of an enabled user, by id (a change checks the current password).
std::optional<std::string> password_hash_of(SqlConnection& db, const std::string& user_id);
// Replaces a user's password hash and sets or clears the forced change at next login.
void set_password_hash(SqlConnection& db, const std::string& user_id,
                       const std::string& password_hash, bool must_change);
// A user's role grants, ordered by role.
std::vector<GrantRow> grants_of(SqlConnection& db, const std::string& user_id);

}  // namespace motcua::store
