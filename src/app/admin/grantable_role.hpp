// The roles an administrator may grant a person: the one-stop model's official roles. `applicant`
// is an account kind, not a grant, and `system` is the installation's own actor (the delivery and
// payment machinery acts through it): granting it to a person would let him act for the system on
// every dossier of the province, so it is refused wherever grants are made (docs/rules.md, "The
// system actor").
#pragma once

#include <string>

#include "app/common/app_error.hpp"
#include "domain/dossier/roles.hpp"

namespace motcua::app {

// The role named `text`, or a 422 naming `role` when it is unknown or not grantable to a person.
AppResult<dossier::Role> grantable_role(const std::string& text);

// Whether a stored grant of `role` counts for a person's session (a `system` grant never does).
bool grant_counts_for_person(dossier::Role role);

}  // namespace motcua::app
