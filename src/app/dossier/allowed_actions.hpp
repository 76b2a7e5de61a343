// Which commands an actor may give a dossier now, asked of the pure state machine rather than
// restated: the officer workspace draws only these buttons, and the server still decides each
// command again when it is given.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "domain/dossier/commands.hpp"
#include "domain/dossier/dossier_state.hpp"
#include "domain/dossier/roles.hpp"

namespace motcua::app {

// The URL segment of a command under /api/v1/dossiers/{id}/ (kebab case, as the rest of the API);
// the web app names its actions the same way.
std::string_view action_name(dossier::CommandKind kind);

// The commands at least one of `roles` may give in this state. A command counts as allowed when
// decide() refuses it only for its empty payload (no reason, no official named yet): the actor
// fills those in the form. Refusals about the role, the status or a guard (apology already used,
// consultations still open) make it not allowed. The system's own commands are never offered.
std::vector<dossier::CommandKind> allowed_commands(const dossier::DossierState& state,
                                                   const std::vector<dossier::Role>& roles,
                                                   Instant now, const std::string& actor_id);

// The roles of `roles` under which `actor_id` may give a command of `kind` given who holds the
// dossier now: a processing official works only on the dossiers he holds (or no one holds), so once
// he forwards one to the leader he can no longer take, forward, send back or pause it. Leaders,
// reception and the applicant are not bound to the holder.
std::vector<dossier::Role> roles_for_holder(const std::vector<dossier::Role>& roles,
                                            const dossier::DossierState& state,
                                            const std::string& actor_id, dossier::CommandKind kind);

}  // namespace motcua::app
