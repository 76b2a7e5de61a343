// Who is acting: an authenticated user with roles, each scoped to an agency and its subtree.
// Applicants have no grants: they act as the applicant of their own dossiers only.
#pragma once

#include <string>
#include <vector>

#include "domain/dossier/roles.hpp"

namespace motcua::app {

struct RoleGrant {
  dossier::Role role = dossier::Role::reception;
  std::string agency_id;  // the grant covers this agency and every agency under it
};

struct Actor {
  std::string user_id;
  std::string display_name;
  bool applicant = false;
  std::vector<RoleGrant> grants;

  bool has_role(dossier::Role role) const {
    for (const auto& g : grants) {
      if (g.role == role) return true;
    }
    return false;
  }
};

}  // namespace motcua::app
