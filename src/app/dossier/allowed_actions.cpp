#include "app/dossier/allowed_actions.hpp"

#include <algorithm>
#include <utility>

#include "domain/dossier/state_machine.hpp"

namespace motcua::app {

namespace {

using dossier::CommandKind;
using dossier::ErrorCode;

// A command of the given kind with every field empty. Command's alternatives are in CommandKind's
// order (commands.hpp), so the kind is the variant index.
template <std::size_t... I>
dossier::Command empty_command(CommandKind kind, std::index_sequence<I...>) {
  dossier::Command out;
  const auto index = static_cast<std::size_t>(kind);
  ((index == I ? (void)out.emplace<I>() : (void)0), ...);
  return out;
}

// Refusals that say "fill in the form", not "you cannot do this now".
bool payload_only(ErrorCode code) {
  switch (code) {
    case ErrorCode::missing_reasons:
    case ErrorCode::missing_items:
    case ErrorCode::missing_official:
    case ErrorCode::missing_agency:
    case ErrorCode::missing_receiver:
    case ErrorCode::invalid_dossier_code:
    case ErrorCode::invalid_due_date:
    case ErrorCode::invalid_amount:
    case ErrorCode::amount_mismatch:
    case ErrorCode::channel_not_allowed:
      return true;
    default:
      return false;
  }
}

// The work of whoever holds the dossier, as opposed to replies, payments or withdrawals.
bool holder_bound(CommandKind kind) {
  switch (kind) {
    case CommandKind::assign:
    case CommandKind::forward:
    case CommandKind::send_back:
    case CommandKind::consult:
    case CommandKind::request_supplement:
    case CommandKind::request_payment:
    case CommandKind::issue_apology:
      return true;
    default:
      return false;
  }
}

}  // namespace

std::vector<dossier::Role> roles_for_holder(const std::vector<dossier::Role>& roles,
                                            const dossier::DossierState& state,
                                            const std::string& actor_id, CommandKind kind) {
  const bool held_by_another = !state.assignee.empty() && state.assignee != actor_id;
  if (!held_by_another || !holder_bound(kind)) return roles;
  std::vector<dossier::Role> out;
  for (const auto role : roles) {
    if (role != dossier::Role::processing) out.push_back(role);
  }
  return out;
}

std::string_view action_name(CommandKind kind) {
  switch (kind) {
    case CommandKind::submit:
      return "submit";
    case CommandKind::accept:
      return "accept";
    case CommandKind::request_supplement:
      return "request-supplement";
    case CommandKind::provide_supplement:
      return "provide-supplement";
    case CommandKind::refuse:
      return "refuse";
    case CommandKind::assign:
      return "assign";
    case CommandKind::forward:
      return "forward";
    case CommandKind::send_back:
      return "send-back";
    case CommandKind::consult:
      return "consult";
    case CommandKind::reply_to_consultation:
      return "reply-consultation";
    case CommandKind::request_payment:
      return "request-payment";
    case CommandKind::confirm_payment:
      return "confirm-payment";
    case CommandKind::issue_apology:
      return "apology";
    case CommandKind::approve:
      return "approve";
    case CommandKind::reject_after_review:
      return "reject";
    case CommandKind::return_result:
      return "return-result";
    case CommandKind::request_withdrawal:
      return "request-withdrawal";
    case CommandKind::cancel_withdrawal:
      return "cancel-withdrawal";
    case CommandKind::stop:
      return "stop";
  }
  return "";
}

std::vector<CommandKind> allowed_commands(const dossier::DossierState& state,
                                          const std::vector<dossier::Role>& all_roles, Instant now,
                                          const std::string& actor_id) {
  std::vector<CommandKind> out;
  constexpr auto kAlternatives = std::make_index_sequence<std::variant_size_v<dossier::Command>>{};
  for (const CommandKind kind : dossier::kAllCommandKinds) {
    const auto command = empty_command(kind, kAlternatives);
    const auto roles = roles_for_holder(all_roles, state, actor_id, kind);
    const bool allowed = std::any_of(roles.begin(), roles.end(), [&](dossier::Role role) {
      if (role == dossier::Role::system) return false;
      const auto decided = dossier::decide(state, command, role, now, actor_id);
      return decided.has_value() || payload_only(decided.error().code);
    });
    if (allowed) out.push_back(kind);
  }
  return out;
}

}  // namespace motcua::app
