// The one table of who may give which command in which status, and where it leads. decide() looks
// commands up here; payload checks and guards (apology once, open consultations) live beside it in
// command_checks.hpp because they depend on data, not just on the status.
#pragma once

#include <span>

#include "domain/dossier/commands.hpp"
#include "domain/dossier/dossier_state.hpp"
#include "domain/dossier/roles.hpp"
#include "domain/dossier/status.hpp"

namespace motcua::dossier {

enum class NextKind {
  to,      // a fixed status
  stay,    // same status: the command changes data only (assignment, consultation, ...)
  resume,  // back to where the pause began (see resume_status())
};

struct Next {
  NextKind kind = NextKind::stay;
  DossierStatus status = DossierStatus::draft;  // only for NextKind::to
};

struct Transition {
  DossierStatus from;
  CommandKind command;
  RoleSet roles;
  Next next;
};

// Every allowed (status, command) pair, each at most once. Final statuses have no row.
std::span<const Transition> transition_table();

// The row for this pair, or nullptr when the command is never allowed in that status.
const Transition* find_transition(DossierStatus from, CommandKind command);

// The roles that may give the command in at least one status.
RoleSet roles_ever_allowed(CommandKind command);

// The status the row leads to from this state.
DossierStatus next_status(const Transition& row, const DossierState& state);

}  // namespace motcua::dossier
