// A dossier's history as the domain sees it, rebuilt from the stored event log: the state machine's
// events (folded into the current state) and the legal clock's timeline (replayed into due dates,
// flags and the control sheet). The log is the single source of truth; the dossiers row is a cache
// for queries.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/common/app_error.hpp"
#include "domain/clock/clock_terms.hpp"
#include "domain/clock/legal_clock.hpp"
#include "domain/dossier/state_machine.hpp"
#include "store/event_log.hpp"

namespace motcua::app {

// The clock's terms are copied into each dossier (domain/clock/clock_terms.hpp).
using ProcessStepTerms = clock::ProcessStepTerms;
using ProcessTerms = clock::ProcessTerms;
using ClockTerms = clock::ClockTerms;

// The hand-over of a received dossier from the one-stop unit to the processing agency (Decree 61
// Art. 18): a fact in the log, not a command of the state machine; it feeds the clock's transfer
// rule (docs/rules.md 3.5).
inline constexpr const char* kTransferredEvent = "dossier_transferred";
// The actor id of what the system records by itself.
inline constexpr const char* kSystemActor = "system";
// The postal channel's facts (app/postal): the applicant's choice, the order the post took, and the
// post's status callbacks. Facts, not commands: they change neither the state nor the clock.
inline constexpr const char* kPostalChoiceEvent = "postal_choice_set";
inline constexpr const char* kPostalOrderPlacedEvent = "postal_order_placed";
inline constexpr const char* kPostalPickedUpEvent = "postal_picked_up";
inline constexpr const char* kPostalDeliveredEvent = "postal_delivered";
inline constexpr const char* kPostalReturnedEvent = "postal_returned_to_sender";
// Fee payments' facts (app/payments): an online payment started, expired or failed at the gateway.
// The money received is the confirm_payment command itself (payment_confirmed).
inline constexpr const char* kPaymentStartedEvent = "payment_started";
inline constexpr const char* kPaymentExpiredEvent = "payment_expired";
inline constexpr const char* kPaymentFailedEvent = "payment_failed";
inline constexpr const char* kPaymentUnappliedEvent = "payment_unapplied";
// A fee paid at the counter: its e-receipt (app/payments/counter_payment.hpp). The money itself is
// the payment_confirmed command just before it.
inline constexpr const char* kFeeReceiptIssuedEvent = "fee_receipt_issued";
// Refunds (app/payments/refunds.hpp): opened after a refusal or a stop, completed (by the
// gateway or by an official at the counter), or refused by the gateway.
inline constexpr const char* kRefundOpenedEvent = "refund_opened";
inline constexpr const char* kRefundCompletedEvent = "refund_completed";
inline constexpr const char* kRefundFailedEvent = "refund_failed";
// The signed result file attached (app/dossier/dossier_results.hpp), with its SHA-256.
inline constexpr const char* kResultAttachedEvent = "result_attached";

struct History {
  std::vector<dossier::Event> events;
  std::vector<std::string> actors;  // parallel to events: who gave each command
  std::vector<Instant> transfers;   // the dossier_transferred events' instants, in order
  dossier::DossierState state;
};

// Parses stored events back into domain events, skipping the few event types that record a fact
// rather than a command (paper_attached; the list is in dossier_history.cpp). A row that cannot be
// parsed means the log was written by a different version or corrupted: a StoreError.
History load_history(const std::vector<store::StoredEvent>& stored, int utc_offset_minutes);

// The clock timeline of a dossier's events; nullopt until the dossier is received.
std::optional<clock::ClockInput> clock_input(const History& history, const ClockTerms& terms);

// Maps domain events to stored events (payload = the command as JSON).
store::EventDraft to_draft(const std::string& dossier_id, const dossier::Event& e,
                           const std::string& actor_id, const std::string& reason,
                           int utc_offset_minutes);

}  // namespace motcua::app
