#include "app/dossier/dossier_history.hpp"

#include <algorithm>

#include "codec/command_text.hpp"
#include "codec/iso_time.hpp"
#include "store/sql.hpp"

namespace motcua::app {

using dossier::CommandKind;
using dossier::DossierStatus;

namespace {

// Events in the log that record a fact about the dossier but are not commands of the state
// machine, so they change neither its state nor its clock: rebuilding skips them. Each writer of
// such an event adds its type here.
constexpr std::string_view kNonCommandEventTypes[] = {
    "paper_attached",    // app/dossier/dossier_papers.hpp: a paper uploaded to the dossier
    "paper_reused",      // app/dossier/dossier_papers.hpp: a paper taken from the applicant's store
    "draft_updated",     // app/dossier/dossier_drafts.hpp: the applicant changed a draft's details
    "draft_discarded",   // app/dossier/dossier_drafts.hpp: the applicant threw a draft away
    kTransferredEvent,   // app/dossier/dossier_service.hpp: the hand-over to the processing agency
    kPostalChoiceEvent,  // app/postal/postal_orders.hpp
    kPostalOrderPlacedEvent,  // app/postal/postal_orders.hpp
    kPostalPickedUpEvent,     // app/postal/postal_callbacks.hpp
    kPostalDeliveredEvent,    // app/postal/postal_callbacks.hpp
    kPostalReturnedEvent,     // app/postal/postal_callbacks.hpp
    kPaymentStartedEvent,     // app/payments/payments.hpp
    kPaymentExpiredEvent,     // app/payments/payments.hpp
    kPaymentFailedEvent,      // app/payments/payments.hpp
    kPaymentUnappliedEvent,   // app/payments/payments.hpp
    kFeeReceiptIssuedEvent,   // app/payments/counter_payment.hpp
    kRefundOpenedEvent,       // app/payments/refunds.hpp
    kRefundCompletedEvent,    // app/payments/refunds.hpp
    kRefundFailedEvent,       // app/payments/refunds.hpp
    kResultAttachedEvent,     // app/dossier/dossier_results.hpp
};

bool is_non_command_event(std::string_view type) {
  for (const auto t : kNonCommandEventTypes) {
    if (t == type) return true;
  }
  return false;
}

std::optional<CommandKind> kind_of_event_type(std::string_view type) {
  for (int k = 0; k <= static_cast<int>(CommandKind::stop); ++k) {
    const auto kind = static_cast<CommandKind>(k);
    if (dossier::event_type(kind) == type) return kind;
  }
  return std::nullopt;
}

dossier::Event parse_event(const store::StoredEvent& s, int offset) {
  const auto fail = [&](const std::string& why) {
    return store::StoreError("event " + std::to_string(s.seq) + ": " + why);
  };
  const auto kind = kind_of_event_type(s.event.type);
  if (!kind) throw fail("unknown type " + s.event.type);
  auto command = codec::command_from_text(*kind, s.event.payload, offset);
  if (!command) throw fail(command.error());
  const auto from = dossier::parse_status(s.event.from_status);
  const auto to = dossier::parse_status(s.event.to_status);
  const auto role = dossier::parse_role(s.event.role);
  const auto at = codec::parse_iso_instant(s.event.at, offset);
  if (!from || !to || !role || !at) throw fail("malformed status, role or time");
  return dossier::Event{s.event.type, *from,           *to, std::move(*command), *role,
                        *at,          s.event.actor_id};
}

clock::ClockEvent clock_event(Instant at, clock::ClockEventType type) {
  return clock::ClockEvent{at, type, std::nullopt, {}, {}, std::nullopt};
}

const ProcessStepTerms* process_step(const ClockTerms& terms, const std::string& step_id) {
  if (!terms.process || step_id.empty()) return nullptr;
  for (const auto& s : terms.process->steps) {
    if (s.id == step_id) return &s;
  }
  return nullptr;
}

// The clock event a domain event stands for, if any.
std::optional<clock::ClockEvent> to_clock_event(const dossier::Event& e, const std::string& actor,
                                                const ClockTerms& terms) {
  using clock::ClockEventType;
  switch (dossier::kind_of(e.command)) {
    case CommandKind::accept:
      return clock_event(e.at, ClockEventType::received);
    case CommandKind::request_supplement:
      // Before acceptance the clock has not started: only a request during review pauses it.
      if (e.from == DossierStatus::submitted) return std::nullopt;
      return clock_event(e.at, ClockEventType::supplement_requested);
    case CommandKind::provide_supplement:
      if (e.to == DossierStatus::submitted) return std::nullopt;
      return clock_event(e.at, ClockEventType::supplement_completed);
    case CommandKind::request_payment:
      return clock_event(e.at, ClockEventType::payment_requested);
    case CommandKind::confirm_payment:
      return clock_event(e.at, ClockEventType::payment_completed);
    case CommandKind::issue_apology: {
      auto c = clock_event(e.at, ClockEventType::apology);
      c.new_due = std::get<dossier::IssueApology>(e.command).new_due;
      return c;
    }
    case CommandKind::assign:
    case CommandKind::forward:
    case CommandKind::send_back: {
      auto c = clock_event(e.at, ClockEventType::step_started);
      std::string official, step;
      std::visit(
          [&](const auto& cmd) {
            using T = std::decay_t<decltype(cmd)>;
            if constexpr (std::is_same_v<T, dossier::Assign> ||
                          std::is_same_v<T, dossier::Forward> ||
                          std::is_same_v<T, dossier::SendBack>) {
              official = cmd.official_id;
              step = cmd.step;
            }
          },
          e.command);
      if (const auto* known = process_step(terms, step)) {
        c.step = known->name;
        c.budget = known->budget;
      } else {
        c.step = step.empty() ? "Xử lý" : step;
      }
      c.party = "official:" + (official.empty() ? actor : official);
      return c;
    }
    case CommandKind::approve:
    case CommandKind::reject_after_review:
      return clock_event(e.at, ClockEventType::finished);
    case CommandKind::stop:
      return clock_event(e.at, ClockEventType::finished);
    default:
      return std::nullopt;
  }
}

}  // namespace

History load_history(const std::vector<store::StoredEvent>& stored, int offset) {
  History h;
  for (const auto& s : stored) {
    if (s.event.type == kTransferredEvent) {
      // Not a command, but the clock's transfer rule needs its instant.
      const auto at = codec::parse_iso_instant(s.event.at, offset);
      if (!at) throw store::StoreError("event " + std::to_string(s.seq) + ": malformed time");
      h.transfers.push_back(*at);
      continue;
    }
    if (is_non_command_event(s.event.type)) continue;
    h.events.push_back(parse_event(s, offset));
    h.actors.push_back(s.event.actor_id);
    h.state = dossier::apply(std::move(h.state), h.events.back());
  }
  return h;
}

std::optional<clock::ClockInput> clock_input(const History& history, const ClockTerms& terms) {
  clock::ClockInput input{terms.limit, terms.rule, terms.channel, {}};
  bool received = false, finished = false;
  for (std::size_t i = 0; i < history.events.size(); ++i) {
    auto c = to_clock_event(history.events[i], history.actors[i], terms);
    if (!c) continue;
    if (c->type == clock::ClockEventType::received) received = true;
    if (!received || finished) continue;  // a stop before receipt, or anything after the finish
    if (c->type == clock::ClockEventType::finished) finished = true;
    input.events.push_back(std::move(*c));
  }
  if (!received) return std::nullopt;
  // The hand-over goes in its place in time; one after the finish is past the clock's concern.
  for (const Instant t : history.transfers) {
    if (finished && t > input.events.back().at) continue;
    auto pos = std::upper_bound(input.events.begin(), input.events.end(), t,
                                [](Instant at, const clock::ClockEvent& e) { return at < e.at; });
    // Nothing may follow the finish, even an event of the same instant.
    if (finished && pos == input.events.end()) --pos;
    input.events.insert(pos, clock_event(t, clock::ClockEventType::transferred));
  }
  return input;
}

store::EventDraft to_draft(const std::string& dossier_id, const dossier::Event& e,
                           const std::string& actor_id, const std::string& reason, int offset) {
  return store::EventDraft{dossier_id,
                           e.type,
                           actor_id,
                           std::string(dossier::to_string(e.actor_role)),
                           to_iso(e.at, offset),
                           reason,
                           std::string(dossier::to_string(e.from)),
                           std::string(dossier::to_string(e.to)),
                           codec::command_to_text(e.command, offset)};
}

}  // namespace motcua::app
