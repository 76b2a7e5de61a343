// What the state machine knows about one dossier, and the events that change it. The state is a
// plain value rebuilt by folding events (see apply() in state_machine.hpp); nothing here does I/O.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/calendar/date.hpp"
#include "domain/dossier/commands.hpp"
#include "domain/dossier/roles.hpp"
#include "domain/dossier/status.hpp"

namespace motcua::dossier {

struct DossierState {
  DossierStatus status = DossierStatus::draft;

  // Where each pause returns to. Kept apart because a withdrawal request can wrap a pending
  // supplement or payment request, and cancelling it must not lose their own return states.
  // Meaningful only while the matching pause is on.
  DossierStatus resume_after_supplement = DossierStatus::draft;
  DossierStatus resume_after_payment = DossierStatus::draft;
  DossierStatus resume_after_withdrawal = DossierStatus::draft;

  // Sub-states of in_progress, independent of each other.
  int open_consultations = 0;
  bool extended = false;  // the one apology with a new due date has been used

  std::string dossier_code;    // given when sent online, else at receipt
  std::optional<Instant> due;  // appointment on the receipt slip, or the apology's new one
  std::optional<Instant> submitted_at;
  std::optional<Instant> received_at;
  std::optional<Instant> completed_at;  // result ready
  std::optional<Instant> closed_at;     // refused, stopped or returned

  std::string assignee;  // official now holding the dossier
  std::string step;      // workflow step, as named by the procedure's process

  std::vector<std::string> missing_items;  // of the outstanding supplement request
  int supplement_requests = 0;             // how many were made, for audit

  Vnd payment_outstanding = 0;
  // Who asked for the outstanding payment: that official may not confirm it (docs/rules.md 3.10).
  std::string payment_requested_by;
  Vnd payment_confirmed = 0;  // total over all confirmed payments

  std::optional<ResultKind> result_kind;
  std::optional<Channel> return_channel;

  friend bool operator==(const DossierState&, const DossierState&) = default;
};

// One recorded fact: which command moved the dossier from which status to which, by whom, when.
struct Event {
  std::string type;  // snake_case, e.g. "dossier_accepted"
  DossierStatus from = DossierStatus::draft;
  DossierStatus to = DossierStatus::draft;
  Command command;
  Role actor_role = Role::system;
  Instant at;
  // The user who gave the command; empty when unknown (the system, or a caller that does not say).
  std::string actor = {};
};

// The sub-state to show for an in-progress dossier: an open consultation is what blocks a decision
// now, so it is named before an extension. `none` for any other status.
ProgressSubstate progress_substate(const DossierState& state);

// For a dossier awaiting a supplement: whether it was asked for before acceptance.
SupplementStage supplement_stage(const DossierState& state);

// The status a pause returns to, for awaiting_supplement, awaiting_payment and
// withdrawal_requested; nullopt for any other status.
std::optional<DossierStatus> resume_status(const DossierState& state);

}  // namespace motcua::dossier
