// Who gives a command. Roles are those of the one-stop model: the applicant, the one-stop reception
// desk, the processing official, the leader who signs, the administrator of the system, and the
// system itself for automated events (payment gateway, inter-agency replies, online delivery).
#pragma once

#include <array>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string_view>

namespace motcua::dossier {

enum class Role { applicant, reception, processing, leader, administrator, system };

inline constexpr std::array kAllRoles = {Role::applicant, Role::reception,     Role::processing,
                                         Role::leader,    Role::administrator, Role::system};

std::string_view to_string(Role role);
std::optional<Role> parse_role(std::string_view name);
std::string_view label_vi(Role role);
std::string_view label_en(Role role);

// A small set of roles, usable in constexpr tables.
class RoleSet {
 public:
  constexpr RoleSet() = default;
  constexpr RoleSet(std::initializer_list<Role> roles) {
    for (Role role : roles) bits_ |= bit(role);
  }
  constexpr bool contains(Role role) const { return (bits_ & bit(role)) != 0; }
  constexpr bool empty() const { return bits_ == 0; }
  constexpr RoleSet& operator|=(RoleSet other) {
    bits_ |= other.bits_;
    return *this;
  }
  friend constexpr bool operator==(RoleSet, RoleSet) = default;

 private:
  static constexpr std::uint32_t bit(Role role) { return 1u << static_cast<unsigned>(role); }
  std::uint32_t bits_ = 0;
};

}  // namespace motcua::dossier
