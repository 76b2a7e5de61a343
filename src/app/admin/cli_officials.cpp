#include "app/admin/cli_officials.hpp"

#include "app/accounts/passwords.hpp"
#include "app/admin/grantable_role.hpp"
#include "store/agency_repository.hpp"

namespace motcua::app {

AppResult<NewOfficial> prepare_cli_official(const CliOfficial& official) {
  if (auto problem = username_problem(official.username)) return tl::unexpected(*problem);
  const auto role = grantable_role(official.role);
  if (!role) return tl::unexpected(role.error());
  if (official.display_name.size() > 200) {
    return tl::unexpected(invalid_input("the display name is too long (at most 200 characters)"));
  }
  if (auto problem = temporary_password_problem(official.password)) {
    return tl::unexpected(*problem);
  }
  NewOfficial n;
  n.username = official.username;
  n.display_name = official.display_name.empty() ? official.username : official.display_name;
  n.grants.push_back({*role, official.agency_id});
  n.reason = "motcua admin create-user";
  n.password_hash = hash_password(official.password);
  return n;
}

AppResult<OfficialView> create_cli_official(store::SqlConnection& db, NewOfficial official,
                                            const std::string& now_iso) {
  for (auto& grant : official.grants) {
    if (!grant.agency_id.empty()) continue;
    const auto root = store::first_current_root_agency(db);
    if (!root) {
      return tl::unexpected(
          AppError{ErrorKind::invalid_input, "no_agency",
                   "Chưa có cơ quan nào: hãy nhập đơn vị trước (motcua import units).",
                   "There is no agency yet: import the units first (motcua import units).", ""});
    }
    grant.agency_id = *root;
  }
  // The command line acts with the authority of the installation: an administrator grant on the
  // very agencies it grants, so the admin users screen's own checks apply unchanged.
  Actor cli{kCliActor, "motcua admin create-user", false, {}};
  for (const auto& grant : official.grants) {
    cli.grants.push_back({dossier::Role::administrator, grant.agency_id});
  }
  return create_official(db, cli, official, now_iso);
}

}  // namespace motcua::app
