#include "domain/dossier/roles.hpp"

namespace motcua::dossier {

namespace {

struct RoleInfo {
  Role role;
  std::string_view name;
  std::string_view vi;
  std::string_view en;
};

constexpr std::array<RoleInfo, kAllRoles.size()> kRoleInfo = {{
    {Role::applicant, "applicant", "Người nộp hồ sơ", "Applicant"},
    {Role::reception, "reception", "Cán bộ Bộ phận Một cửa", "One-stop reception officer"},
    {Role::processing, "processing", "Cán bộ xử lý", "Processing official"},
    {Role::leader, "leader", "Lãnh đạo", "Leader"},
    {Role::administrator, "administrator", "Quản trị hệ thống", "System administrator"},
    {Role::system, "system", "Hệ thống", "System"},
}};

const RoleInfo& info(Role role) {
  for (const auto& entry : kRoleInfo) {
    if (entry.role == role) return entry;
  }
  return kRoleInfo[0];  // unreachable for a valid enumerator
}

}  // namespace

std::string_view to_string(Role role) { return info(role).name; }

std::optional<Role> parse_role(std::string_view name) {
  for (const auto& entry : kRoleInfo) {
    if (entry.name == name) return entry.role;
  }
  return std::nullopt;
}

std::string_view label_vi(Role role) { return info(role).vi; }
std::string_view label_en(Role role) { return info(role).en; }

}  // namespace motcua::dossier
