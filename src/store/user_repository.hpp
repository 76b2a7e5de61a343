// Officials as administrators see them: `users` rows without their password hashes, and their
// role grants (`user_roles`). Creating a user with its password is app/accounts' job.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/sql.hpp"

namespace motcua::store {

struct UserGrantRow {
  std::string role;
  std::string agency_id;
  std::string agency_name;
};

struct UserRow {
  std::string id;
  std::string username;
  std::string kind;  // official, applicant
  std::string display_name;
  std::string email;
  std::string phone;
  bool disabled = false;
  std::int64_t version = 1;
  std::string created_at;
  std::vector<UserGrantRow> grants;
};

struct UserFilter {
  std::string kind = "official";
  std::string username_like;  // substring, empty: any
  int limit = 200;
};

std::vector<UserRow> list_users(SqlConnection& db, const UserFilter& filter);
std::optional<UserRow> find_user(SqlConnection& db, const std::string& id);

// Writes display name and disabled flag if the stored version is `expected_version`, bumping it.
// Returns false when another writer changed the row first.
bool update_user(SqlConnection& db, const std::string& id, const std::string& display_name,
                 bool disabled, std::int64_t expected_version);
void bump_user_version(SqlConnection& db, const std::string& id);

// Returns whether a row was added / removed.
bool add_grant(SqlConnection& db, const std::string& user_id, const std::string& role,
               const std::string& agency_id);
bool remove_grant(SqlConnection& db, const std::string& user_id, const std::string& role,
                  const std::string& agency_id);

// Ends every session of a user (a disabled official is logged out at once).
void delete_sessions_of(SqlConnection& db, const std::string& user_id);

// A user's display name, or nullopt for an unknown id (timelines name the people who acted).
std::optional<std::string> user_display_name(SqlConnection& db, const std::string& id);

}  // namespace motcua::store
