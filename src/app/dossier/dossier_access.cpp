#include "app/dossier/dossier_access.hpp"

#include <algorithm>
#include <set>

#include "store/agency_repository.hpp"

namespace motcua::app {

std::vector<std::string> scoped_agencies(store::SqlConnection& db, const Actor& actor,
                                         std::optional<dossier::Role> role) {
  std::set<std::string> ids;
  for (const auto& grant : actor.grants) {
    if (role && grant.role != *role) continue;
    for (auto& id : store::agency_subtree(db, grant.agency_id)) ids.insert(std::move(id));
  }
  return {ids.begin(), ids.end()};
}

std::vector<dossier::Role> roles_over(store::SqlConnection& db, const Actor& actor,
                                      const store::DossierRecord& d) {
  // A draft its applicant discarded is kept only for the log (app/dossier/dossier_drafts.hpp).
  if (d.status == "discarded") return {};
  if (actor.applicant) {
    if (d.applicant_id && *d.applicant_id == actor.user_id) return {dossier::Role::applicant};
    return {};
  }
  std::string unit_agency;
  if (d.receiving_unit_id) {
    unit_agency = store::unit_agency(db, *d.receiving_unit_id).value_or("");
  }
  std::vector<dossier::Role> roles;
  for (const auto& grant : actor.grants) {
    const auto subtree = store::agency_subtree(db, grant.agency_id);
    const auto covers = [&](const std::string& id) {
      return !id.empty() && std::find(subtree.begin(), subtree.end(), id) != subtree.end();
    };
    // Reception works for the dossiers received at its units, whatever agency decides them
    // (one-stop units receive for every agency of the province since 1/7/2025).
    const bool covered =
        covers(d.agency_id) || (grant.role == dossier::Role::reception && covers(unit_agency));
    if (covered && std::find(roles.begin(), roles.end(), grant.role) == roles.end()) {
      roles.push_back(grant.role);
    }
  }
  return roles;
}

AppResult<void> may_see_dossier(store::SqlConnection& db, const Actor& actor,
                                const std::string& dossier_id) {
  const auto record = store::find_dossier(db, dossier_id);
  if (!record || roles_over(db, actor, *record).empty())
    return tl::unexpected(not_found("dossier " + dossier_id));
  return {};
}

}  // namespace motcua::app
