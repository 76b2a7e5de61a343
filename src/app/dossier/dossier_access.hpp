// Authorization on every dossier: an applicant sees only their own dossiers; an official only those
// of agencies (or received at units of agencies) inside the subtree of one of their grants. A
// dossier the actor may not see is reported as not found, so its existence does not leak.
#pragma once

#include <vector>

#include "app/common/actor.hpp"
#include "app/common/app_error.hpp"
#include "store/dossier_repository.hpp"

namespace motcua::app {

// The roles the actor holds over this dossier (empty: may not see it).
std::vector<dossier::Role> roles_over(store::SqlConnection& db, const Actor& actor,
                                      const store::DossierRecord& dossier);

// Every agency id covered by the actor's grants for `role` (all roles when nullopt).
std::vector<std::string> scoped_agencies(store::SqlConnection& db, const Actor& actor,
                                         std::optional<dossier::Role> role = std::nullopt);

// Not found unless the dossier exists and the actor holds a role over it.
AppResult<void> may_see_dossier(store::SqlConnection& db, const Actor& actor,
                                const std::string& dossier_id);

}  // namespace motcua::app
