// Officials and their roles as administrators manage them: list, create with a temporary password,
// rename, disable or enable, grant and revoke a role at an agency. Password hashes never leave the
// store. An administrator acts only within the subtree of their administrator grants, every change
// needs a reason and lands in the audit log, and concurrent edits of one official are refused by
// the version the editor read (409).
#pragma once

#include <boost/json.hpp>
#include <string>

#include "app/common/actor.hpp"
#include "app/common/app_error.hpp"
#include "store/sql.hpp"

namespace motcua::app {

// 403 unless the actor holds an administrator grant.
AppResult<void> require_administrator(const Actor& actor);

// Officials whose username or name contains `query` (empty: all), with their grants.
AppResult<boost::json::array> list_officials(store::SqlConnection& db, const Actor& actor,
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
// Reads and checks a create body: {username, display_name, temporary_password, email?, phone?,
// grants: [{role, agency_id}], reason}. The password is checked and hashed here, so call it
// outside the write job.
AppResult<NewOfficial> read_new_official(const boost::json::value& body);

AppResult<boost::json::object> create_official(store::SqlConnection& db, const Actor& actor,
                                               const NewOfficial& official,
                                               const std::string& now_iso);

// Body: {display_name?, disabled?, expected_version, reason}.
AppResult<boost::json::object> update_official(store::SqlConnection& db, const Actor& actor,
                                               const std::string& user_id,
                                               const boost::json::value& body,
                                               const std::string& now_iso);

// Grants (grant = true) or revokes a role at an agency. Idempotent: granting a held role or
// revoking an absent one changes nothing and records nothing.
AppResult<boost::json::object> change_grant(store::SqlConnection& db, const Actor& actor,
                                            const std::string& user_id, const std::string& role,
                                            const std::string& agency_id, bool grant,
                                            const std::string& reason, const std::string& now_iso);

}  // namespace motcua::app
