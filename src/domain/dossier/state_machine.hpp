// The dossier state machine as two pure functions: decide() turns a command into events or a
// typed refusal, apply() folds an event into the state. Neither reads the clock: the instant of
// the command is an argument, so every decision can be replayed and tested exactly.
#pragma once

#include <span>
#include <string_view>
#include <tl/expected.hpp>
#include <vector>

#include "domain/calendar/date.hpp"
#include "domain/dossier/commands.hpp"
#include "domain/dossier/dossier_state.hpp"
#include "domain/dossier/errors.hpp"
#include "domain/dossier/roles.hpp"

namespace motcua::dossier {

// Checks, in this order: the role may give the command somewhere (role_not_allowed), the dossier
// is still open (dossier_closed), the command exists in this status (not_allowed_in_state), the
// role may give it in this status (not_allowed_in_state), then guards and payload. On success the
// state is unchanged; apply the returned events to move it. `actor` is the user giving the command
// (recorded in the events; rules that keep duties apart compare it), empty when unknown.
tl::expected<std::vector<Event>, DecisionError> decide(const DossierState& state,
                                                       const Command& command, Role actor_role,
                                                       Instant at, std::string_view actor = {});

// Folds one event into the state. Trusts the event (decide() made it); never fails.
DossierState apply(DossierState state, const Event& event);

// apply() over a history, from a fresh draft or from a snapshot.
DossierState replay(std::span<const Event> events, DossierState from = {});

}  // namespace motcua::dossier
