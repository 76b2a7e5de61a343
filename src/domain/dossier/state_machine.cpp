#include "domain/dossier/state_machine.hpp"

#include <string>
#include <utility>

#include "domain/dossier/command_checks.hpp"
#include "domain/dossier/transition_table.hpp"

namespace motcua::dossier {

namespace {

// Folds the data a command carries into the state; the status itself is set from the event.
struct Applier {
  DossierState& s;
  const Event& e;

  void operator()(const Submit& c) const {
    s.submitted_at = e.at;
    if (!c.dossier_code.empty()) s.dossier_code = c.dossier_code;
  }

  void operator()(const Accept& c) const {
    // Counter intake goes from draft to received in one step: submission and receipt coincide.
    if (!s.submitted_at) s.submitted_at = e.at;
    s.received_at = e.at;
    s.dossier_code = c.dossier_code;
    s.due = c.due;
  }

  void operator()(const RequestSupplement& c) const {
    s.resume_after_supplement = e.from;
    s.missing_items = c.missing_items;
    ++s.supplement_requests;
  }

  void operator()(const ProvideSupplement&) const { s.missing_items.clear(); }

  void operator()(const Refuse&) const { s.closed_at = e.at; }

  void operator()(const Assign& c) const {
    s.assignee = c.official_id;
    if (!c.step.empty()) s.step = c.step;
  }

  void operator()(const Forward& c) const {
    s.assignee = c.official_id;
    if (!c.step.empty()) s.step = c.step;
  }

  void operator()(const SendBack& c) const {
    s.assignee = c.official_id;
    if (!c.step.empty()) s.step = c.step;
  }

  void operator()(const Consult&) const { ++s.open_consultations; }

  void operator()(const ReplyToConsultation&) const {
    if (s.open_consultations > 0) --s.open_consultations;
  }

  void operator()(const RequestPayment& c) const {
    s.resume_after_payment = e.from;
    s.payment_outstanding = c.amount;
    s.payment_requested_by = e.actor;
  }

  void operator()(const ConfirmPayment& c) const {
    s.payment_confirmed += c.amount;
    s.payment_outstanding = 0;
    s.payment_requested_by.clear();
  }

  void operator()(const IssueApology& c) const {
    s.extended = true;
    s.due = c.new_due;
  }

  void operator()(const Approve&) const {
    s.result_kind = ResultKind::approval;
    s.completed_at = e.at;
  }

  void operator()(const RejectAfterReview&) const {
    s.result_kind = ResultKind::refusal;
    s.completed_at = e.at;
  }

  void operator()(const ReturnResult& c) const {
    s.return_channel = c.channel;
    s.closed_at = e.at;
  }

  void operator()(const RequestWithdrawal&) const { s.resume_after_withdrawal = e.from; }

  void operator()(const CancelWithdrawal&) const {}

  void operator()(const Stop&) const { s.closed_at = e.at; }
};

}  // namespace

tl::expected<std::vector<Event>, DecisionError> decide(const DossierState& state,
                                                       const Command& command, Role actor_role,
                                                       Instant at, std::string_view actor) {
  const CommandKind kind = kind_of(command);
  const ErrorContext context{state.status, kind, actor_role, state.open_consultations};
  const auto refuse = [&](ErrorCode code) {
    return tl::make_unexpected(make_error(code, context));
  };

  // A role is told it may never do this before being told about the dossier it cannot act on.
  if (!roles_ever_allowed(kind).contains(actor_role)) return refuse(ErrorCode::role_not_allowed);
  if (is_final(state.status)) return refuse(ErrorCode::dossier_closed);
  const Transition* row = find_transition(state.status, kind);
  if (row == nullptr || !row->roles.contains(actor_role)) {
    return refuse(ErrorCode::not_allowed_in_state);
  }
  if (const auto error = check_command(state, command, actor_role, at, actor))
    return refuse(*error);

  std::vector<Event> events;
  events.push_back(Event{std::string(event_type(kind)), state.status, next_status(*row, state),
                         command, actor_role, at, std::string(actor)});
  return events;
}

DossierState apply(DossierState state, const Event& event) {
  std::visit(Applier{state, event}, event.command);
  state.status = event.to;
  return state;
}

DossierState replay(std::span<const Event> events, DossierState from) {
  for (const auto& event : events) from = apply(std::move(from), event);
  return from;
}

}  // namespace motcua::dossier
