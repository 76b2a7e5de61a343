#include "app/admin/grantable_role.hpp"

namespace motcua::app {

AppResult<dossier::Role> grantable_role(const std::string& text) {
  const auto role = dossier::parse_role(text);
  if (role && *role == dossier::Role::system) {
    return tl::unexpected(AppError{
        ErrorKind::invalid_input, "role_not_grantable",
        "Vai trò (role) 'system' là tác nhân nội bộ của hệ thống, không cấp cho người dùng.",
        "The role (role) 'system' is the installation's internal actor and is never granted to a "
        "person.",
        "role: system is internal only"});
  }
  if (!role || *role == dossier::Role::applicant) {
    return tl::unexpected(AppError{
        ErrorKind::invalid_input, "unknown_role",
        "Vai trò (role) không hợp lệ: '" + text +
            "' (reception, processing, leader, administrator).",
        "Unknown role (role) '" + text + "' (reception, processing, leader, administrator).",
        "role: unknown role '" + text + "'"});
  }
  return *role;
}

bool grant_counts_for_person(dossier::Role role) { return role != dossier::Role::system; }

}  // namespace motcua::app
