// The checks a command must pass once the table has said its role may give it in this status:
// guards that depend on the dossier's data (apology once, open consultations, amounts owed) and the
// completeness of the command's own payload.
#pragma once

#include <optional>
#include <string_view>

#include "domain/calendar/date.hpp"
#include "domain/dossier/commands.hpp"
#include "domain/dossier/dossier_state.hpp"
#include "domain/dossier/errors.hpp"
#include "domain/dossier/roles.hpp"

namespace motcua::dossier {

// Guards come before payload checks: "this can no longer be done" is more useful to hear than
// "the form is incomplete" when both are true.
std::optional<ErrorCode> check_command(const DossierState& state, const Command& command,
                                       Role actor_role, Instant at, std::string_view actor = {});

}  // namespace motcua::dossier
