// Officials created from the command line (`motcua admin create-user`), typically the first
// administrator of a new installation, who then manages everyone else on the admin users screen.
// The same rules as that screen (username, password policy, Argon2id hash, audit row
// "user.created"), with "cli" as the actor; the grant defaults to the installation's root agency.
#pragma once

#include <string>

#include "app/admin/admin_users.hpp"
#include "app/admin/admin_views.hpp"
#include "app/common/app_error.hpp"
#include "store/sql.hpp"

namespace motcua::app {

inline constexpr const char* kCliActor = "cli";

struct CliOfficial {
  std::string username;
  std::string display_name;  // empty: the username
  std::string password;
  std::string role = "administrator";  // reception, processing, leader or administrator
  std::string agency_id;               // empty: the first root agency still in force
};

// Checks the username, the role and the password policy and hashes the password (Argon2id, slow
// on purpose: call it outside the write transaction). `role` and `agency_id` are carried over in
// the only grant of the result.
AppResult<NewOfficial> prepare_cli_official(const CliOfficial& official);

// In the write transaction: resolves the agency (refused when the installation has none yet:
// import units first), creates the official and its grant, audits "user.created" by "cli".
// A taken username is a conflict (username_taken).
AppResult<OfficialView> create_cli_official(store::SqlConnection& db, NewOfficial official,
                                            const std::string& now_iso);

}  // namespace motcua::app
