#include "app/dossier/process_enforcement.hpp"

#include <algorithm>
#include <optional>

#include "app/admin/processes.hpp"
#include "app/dossier/dossier_access.hpp"
#include "app/exchange/partner_account.hpp"
#include "domain/process/enforcement.hpp"
#include "store/agency_repository.hpp"
#include "store/user_repository.hpp"

namespace motcua::app {

namespace {

using dossier::Role;
using process::MoveError;

bool blank(const std::string& text) {
  return text.find_first_not_of(" \t\r\n") == std::string::npos;
}

bool has(const std::vector<Role>& roles, Role role) {
  return std::find(roles.begin(), roles.end(), role) != roles.end();
}

// Whether an official (by id) does the work of `step` on this dossier: holds its role over the
// dossier (as roles_over decides for any actor) and, when the step names a unit or agency, a grant
// of that role covering it.
bool works_at(store::SqlConnection& db, const store::DossierRecord& record,
              const std::string& official_id, const process::Step& step) {
  const auto user = store::find_user(db, official_id);
  if (!user || user->disabled || user->kind == "applicant") return false;
  Actor official{user->id, user->display_name, false, {}};
  for (const auto& g : user->grants) {
    if (const auto role = dossier::parse_role(g.role))
      official.grants.push_back({*role, g.agency_id});
  }
  const auto& wanted = step.responsible.role;
  const auto roles = roles_over(db, official, record);
  if (roles.empty() || (wanted && !has(roles, *wanted))) return false;
  if (step.responsible.unit_id.empty()) return true;
  // A step's unit is a one-stop unit or an agency (process.hpp): a unit stands for its agency.
  const std::string place =
      store::unit_agency(db, step.responsible.unit_id).value_or(step.responsible.unit_id);
  return std::any_of(official.grants.begin(), official.grants.end(), [&](const RoleGrant& g) {
    if (wanted && g.role != *wanted) return false;
    const auto subtree = store::agency_subtree(db, g.agency_id);
    return std::find(subtree.begin(), subtree.end(), place) != subtree.end();
  });
}

std::string who_works_at_vi(const process::Step& step) {
  std::string out = step.responsible.role
                        ? "vai trò «" + std::string(dossier::label_vi(*step.responsible.role)) + "»"
                        : std::string("vai trò nào");
  if (!step.responsible.unit_id.empty()) out += " tại " + step.responsible.unit_id;
  return out;
}

std::string who_works_at_en(const process::Step& step) {
  std::string out = step.responsible.role
                        ? "the role " + std::string(dossier::label_en(*step.responsible.role))
                        : std::string("a role");
  if (!step.responsible.unit_id.empty()) out += " at " + step.responsible.unit_id;
  return out;
}

AppError official_does_not_fit(const std::string& official_id, const process::Step& step) {
  return {ErrorKind::invalid_input, "official_not_at_step",
          "Cán bộ được chuyển hồ sơ (official_id) " + official_id + " không giữ " +
              who_works_at_vi(step) + " của bước '" + step.id + "' (" + step.name + ").",
          "The official the dossier is handed to (official_id) " + official_id + " does not hold " +
              who_works_at_en(step) + " of step '" + step.id + "'.",
          "official_id: does not hold " + who_works_at_en(step)};
}

AppError step_refused(const MoveError& e) {
  return {ErrorKind::invalid_input, std::string(process::to_string(e.code)), e.message_vi,
          e.message_en, "step: " + e.message_en};
}

AppError decision_refused(const MoveError& e) {
  return conflict(std::string(process::to_string(e.code)), e.message_vi, e.message_en,
                  "step: " + e.message_en);
}

template <typename C>
AppResult<dossier::Command> hand_over(store::SqlConnection& db, const store::DossierRecord& record,
                                      const process::ProcessDefinition& p,
                                      const std::string& current, process::HandOver kind, C c) {
  const auto fits = [&](const process::Step& step) {
    // A partner instance's account holds exactly the steps of the agencies it serves.
    if (const auto partner = exchange::partner_of_account(c.official_id))
      return exchange::partner_serves_step(db, *partner, step);
    return works_at(db, record, c.official_id, step);
  };
  auto target = process::resolve_hand_over(p, current, kind, c.step, fits);
  if (!target) return tl::unexpected(step_refused(target.error()));
  if (!fits(**target)) return tl::unexpected(official_does_not_fit(c.official_id, **target));
  c.step = (*target)->id;
  return dossier::Command{std::move(c)};
}

AppResult<dossier::Command> decision(store::SqlConnection& db, const store::DossierRecord& record,
                                     const process::ProcessDefinition& p,
                                     const std::string& current, const dossier::DossierState& state,
                                     const Actor& actor, process::ActionKind kind,
                                     const dossier::Command& command) {
  auto move = process::decision_move(p, current, kind);
  if (!move) return tl::unexpected(decision_refused(move.error()));
  if (!state.assignee.empty() && state.assignee != actor.user_id) {
    return tl::unexpected(conflict(
        "not_holder", "Hồ sơ đang do cán bộ khác xử lý; chỉ người giữ hồ sơ mới được quyết định.",
        "Another official holds the dossier; only its holder decides.",
        "assignee: held by another official"));
  }
  if (const auto* step = process::find_step(p, current);
      step != nullptr && !works_at(db, record, actor.user_id, *step)) {
    return tl::unexpected(
        conflict("not_at_step",
                 "Bạn không giữ " + who_works_at_vi(*step) + " của bước '" + step->id + "' (" +
                     step->name + ").",
                 "You do not hold " + who_works_at_en(*step) + " of step '" + step->id + "'.",
                 "step: the actor does not work at " + step->id));
  }
  return command;
}

}  // namespace

bool governed_by_process(dossier::CommandKind kind) {
  using dossier::CommandKind;
  switch (kind) {
    case CommandKind::assign:
    case CommandKind::forward:
    case CommandKind::send_back:
    case CommandKind::approve:
    case CommandKind::reject_after_review:
    case CommandKind::return_result:
      return true;
    default:
      return false;
  }
}

std::string override_note(const std::string& override_reason) {
  return "Ngoài quy trình nội bộ / outside the internal process: " + override_reason;
}

AppResult<dossier::Command> enforce_process(
    store::SqlConnection& db, const store::DossierRecord& record, const DossierDocument& document,
    const dossier::DossierState& state, const std::vector<Role>& roles, const Actor& actor,
    const dossier::Command& command, const std::string& override_reason) {
  if (!governed_by_process(dossier::kind_of(command))) return command;
  if (!blank(override_reason)) {
    if (has(roles, Role::administrator)) return command;
    return tl::unexpected(forbidden_action(
        "override_reason: only an administrator over the dossier's agency goes outside the "
        "process"));
  }
  // No process in force when the dossier was created: its steps stay free (docs/rules.md).
  const auto& terms = document.terms.process;
  if (!terms || terms->id.empty()) return command;
  const auto p = find_process(db, terms->id, terms->version);
  if (!p || p->steps.empty()) return command;
  const std::string current = process::current_step(*p, state.step);
  // A partner instance that held the step hands the dossier back with its result to the official
  // and step it came from (DossierService::resume_from_partner), wherever that is in the graph;
  // that official must still work at that step.
  if (const auto* c = std::get_if<dossier::Forward>(&command);
      c != nullptr && exchange::partner_of_account(actor.user_id) &&
      state.assignee == actor.user_id) {
    const auto* step = process::find_step(*p, c->step);
    if (step != nullptr && !works_at(db, record, c->official_id, *step))
      return tl::unexpected(official_does_not_fit(c->official_id, *step));
    return command;
  }
  using process::HandOver;
  if (const auto* c = std::get_if<dossier::Assign>(&command))
    return hand_over(db, record, *p, current, HandOver::assign, *c);
  if (const auto* c = std::get_if<dossier::Forward>(&command))
    return hand_over(db, record, *p, current, HandOver::forward, *c);
  if (const auto* c = std::get_if<dossier::SendBack>(&command))
    return hand_over(db, record, *p, current, HandOver::send_back, *c);
  if (std::holds_alternative<dossier::Approve>(command))
    return decision(db, record, *p, current, state, actor, process::ActionKind::approve, command);
  if (std::holds_alternative<dossier::RejectAfterReview>(command))
    return decision(db, record, *p, current, state, actor, process::ActionKind::refuse, command);
  if (std::holds_alternative<dossier::ReturnResult>(command)) {
    const auto decided = state.result_kind == dossier::ResultKind::refusal
                             ? process::ActionKind::refuse
                             : process::ActionKind::approve;
    if (auto ok = process::check_return(*p, current, decided); !ok)
      return tl::unexpected(decision_refused(ok.error()));
  }
  return command;
}

ProcessOffer process_offer(store::SqlConnection& db, const store::DossierRecord& record,
                           const clock::ClockTerms& terms, const dossier::DossierState& state,
                           const std::vector<Role>& roles, const Actor& actor,
                           const std::vector<dossier::CommandKind>& candidates) {
  using dossier::CommandKind;
  ProcessOffer out;
  std::optional<process::ProcessDefinition> p;
  if (terms.process && !terms.process->id.empty()) {
    if (auto found = find_process(db, terms.process->id, terms.process->version);
        found && !found->steps.empty())
      p = std::move(*found);
  }
  if (!p) {
    out.accepted = candidates;
    return out;
  }
  const std::string current = process::current_step(*p, state.step);
  const auto targets = [&](process::HandOver kind) {
    std::vector<std::string> ids;
    for (const auto* step : process::hand_over_targets(*p, current, kind)) ids.push_back(step->id);
    return ids;
  };
  // The same decision checks as decision(): the step offers it, the actor holds the dossier (or
  // no one does) and works at the step.
  const auto decides = [&](process::ActionKind kind) {
    if (!process::decision_move(*p, current, kind)) return false;
    if (!state.assignee.empty() && state.assignee != actor.user_id) return false;
    const auto* step = process::find_step(*p, current);
    return step == nullptr || works_at(db, record, actor.user_id, *step);
  };
  const auto returns = [&] {
    const auto decided = state.result_kind == dossier::ResultKind::refusal
                             ? process::ActionKind::refuse
                             : process::ActionKind::approve;
    return process::check_return(*p, current, decided).has_value();
  };
  for (const auto kind : candidates) {
    bool accepted = true;
    switch (kind) {
      case CommandKind::assign:
      case CommandKind::forward:
      case CommandKind::send_back: {
        const auto hand_over = kind == CommandKind::assign    ? process::HandOver::assign
                               : kind == CommandKind::forward ? process::HandOver::forward
                                                              : process::HandOver::send_back;
        auto ids = targets(hand_over);
        accepted = !ids.empty();
        if (accepted) out.targets[kind] = std::move(ids);
        break;
      }
      case CommandKind::approve:
        accepted = decides(process::ActionKind::approve);
        break;
      case CommandKind::reject_after_review:
        accepted = decides(process::ActionKind::refuse);
        break;
      case CommandKind::return_result:
        accepted = returns();
        break;
      default:
        break;
    }
    if (accepted) {
      out.accepted.push_back(kind);
    } else if (has(roles, Role::administrator)) {
      out.by_override.push_back(kind);
    }
  }
  return out;
}

}  // namespace motcua::app
