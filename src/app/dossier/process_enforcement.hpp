// The dossier's own internal process enforced on the commands that move it (docs/rules.md, "the
// internal process enforced"), checked inside the write job before anything is written. The
// process is the version in force at creation, which the dossier names (`terms.process`), read
// back from the stored versions, which are never rewritten; a dossier created with no process in
// force keeps the free steps of before.
//
//  - assign, forward, send back: the `step` follows an edge of that kind from the current step
//    (or stays at it for assign and forward), and the new holder (`official_id`) holds the step's
//    role in the step's unit or agency (or in the dossier's agency when the step names none);
//  - approve, reject after review: only at a step offering that decision, by the official who
//    holds the dossier (when someone does) and who fits the step;
//  - return result: only at the step the decision led to, when it offers the return.
// An official who also holds an administrator grant over the dossier may go outside the process by
// giving `override_reason`, which the event's reason records; the state machine still decides.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "app/common/actor.hpp"
#include "app/common/app_error.hpp"
#include "app/dossier/dossier_document.hpp"
#include "domain/clock/clock_terms.hpp"
#include "domain/dossier/commands.hpp"
#include "domain/dossier/dossier_state.hpp"
#include "store/dossier_repository.hpp"

namespace motcua::app {

// The commands the process governs: assign, forward, send back, approve, reject after review and
// return result. Only these take `override_reason` in this sense (an apology's is its own).
bool governed_by_process(dossier::CommandKind kind);

// The command to give after the process's checks: the same one, or a hand-over with the step the
// process chose filled in (process/enforcement.hpp, resolve_hand_over).
AppResult<dossier::Command> enforce_process(
    store::SqlConnection& db, const store::DossierRecord& record, const DossierDocument& document,
    const dossier::DossierState& state, const std::vector<dossier::Role>& roles, const Actor& actor,
    const dossier::Command& command, const std::string& override_reason);

// What the dossier's process lets an actor do now, for the workspace's buttons: the same checks
// enforce_process makes, asked without a command's payload, so that an official is offered only
// what the server would then accept.
struct ProcessOffer {
  // Of the governed commands given, those the process accepts from this actor now.
  std::vector<dossier::CommandKind> accepted;
  // Those it refuses but the actor, an administrator over the dossier, may still give with an
  // override reason (shown as such).
  std::vector<dossier::CommandKind> by_override;
  // For assign, forward and send back: the steps the hand-over may lead to, in process order.
  std::map<dossier::CommandKind, std::vector<std::string>> targets;
};

// `candidates` are commands the state machine already allows; the ones not governed by the
// process pass through in `accepted`. A dossier with no process in force accepts them all.
ProcessOffer process_offer(store::SqlConnection& db, const store::DossierRecord& record,
                           const clock::ClockTerms& terms, const dossier::DossierState& state,
                           const std::vector<dossier::Role>& roles, const Actor& actor,
                           const std::vector<dossier::CommandKind>& candidates);

// The text the event's reason gets for a command given outside the process.
std::string override_note(const std::string& override_reason);

}  // namespace motcua::app
