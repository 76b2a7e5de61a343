#include "app/dossier/dossier_workspace.hpp"

#include <algorithm>
#include <map>

#include "app/admin/processes.hpp"
#include "app/dossier/allowed_actions.hpp"
#include "app/dossier/consultations.hpp"
#include "app/dossier/dossier_access.hpp"
#include "app/dossier/process_enforcement.hpp"
#include "app/exchange/partner_account.hpp"
#include "store/agency_repository.hpp"
#include "store/audit_log.hpp"
#include "store/event_log.hpp"
#include "store/user_repository.hpp"

namespace motcua::app {

namespace {

bool is_command_event(const std::string& type) {
  for (const auto kind : dossier::kAllCommandKinds) {
    if (dossier::event_type(kind) == type) return true;
  }
  return false;
}

// Looks each person up once per view.
class Names {
 public:
  explicit Names(store::SqlConnection& db) : db_(db) {}
  std::optional<std::string> of(const std::string& id) {
    if (id.empty()) return std::nullopt;
    auto [it, inserted] = cache_.try_emplace(id);
    if (inserted) it->second = store::user_display_name(db_, id).value_or("");
    if (it->second.empty()) return std::nullopt;
    return it->second;
  }

 private:
  store::SqlConnection& db_;
  std::map<std::string, std::string> cache_;
};

std::optional<AgencyCard> agency_of(store::SqlConnection& db, const std::string& id) {
  const auto agency = store::find_agency(db, id);
  if (!agency) return std::nullopt;
  std::string parent_name;
  if (agency->parent_id) {
    if (const auto parent = store::find_agency(db, *agency->parent_id)) parent_name = parent->name;
  }
  return AgencyCard{agency->id, agency->code, agency->name, agency->name_en, parent_name};
}

std::optional<UnitCard> unit_of(store::SqlConnection& db, const std::optional<std::string>& id) {
  if (!id) return std::nullopt;
  const auto unit = store::find_unit(db, *id);
  if (!unit) return std::nullopt;
  const auto agency = store::find_agency(db, unit->agency_id);
  if (!agency) return std::nullopt;
  return UnitCard{unit->id, unit->name, unit->name_en, unit->address, agency->name};
}

// The view's timeline has the command events only (the state machine's history); the log also has
// facts such as paper uploads. Walks the log in order, keeping the command entries as they are.
// Officials also read each entry's recorded reason (an applicant's view leaves out the internal
// ones, such as why an administrator acted outside the process).
std::vector<TimelineEntry> full_timeline(store::SqlConnection& db, const std::string& dossier_id,
                                         std::vector<TimelineEntry> commands, Names& names,
                                         bool with_reasons) {
  std::vector<TimelineEntry> out;
  std::size_t next_command = 0;
  for (const auto& stored : store::history_of(db, dossier_id)) {
    const auto& e = stored.event;
    TimelineEntry item;
    if (is_command_event(e.type)) {
      if (next_command >= commands.size()) continue;
      item = std::move(commands[next_command++]);
    } else {
      item.type = e.type;
      item.at = e.at;
      item.from = e.from_status;
      item.to = e.to_status;
      item.with_people = true;
      item.role = e.role;
      item.actor_id = e.actor_id;
      item.fact = true;
      item.fact_payload = e.payload;
    }
    item.has_actor_name = true;
    item.actor_name = names.of(item.actor_id);
    if (with_reasons) item.reason = e.reason;
    out.push_back(std::move(item));
  }
  return out;
}

std::vector<ReceivedPaper> received_papers(store::SqlConnection& db,
                                           const std::string& dossier_id) {
  for (const auto& entry : store::audit_of(db, dossier_id)) {
    if (entry.action != kPapersReceivedAction) continue;
    if (auto papers = codec::received_papers_from_text(entry.details)) return std::move(*papers);
  }
  return {};
}

}  // namespace

void add_workspace_fields(store::SqlConnection& db, const Actor& actor,
                          const store::DossierRecord& r, const dossier::DossierState& state,
                          Instant now, DossierView& view) {
  auto& w = view.workspace;
  w.allowed_actions.clear();
  w.consultations.clear();
  if (!actor.applicant) w.consultations = consultations_of_dossier(db, r.id, now);
  // Only the consulted agency answers a consultation: the asker is not offered the reply.
  const auto answers_one = [&] {
    for (const auto& c : w.consultations) {
      if (c.open && !answering_roles(db, actor, c.agency_id).empty()) return true;
    }
    return false;
  };
  w.step_targets.clear();
  w.outside_process.clear();
  const auto roles = roles_over(db, actor, r);
  // The state machine's answer narrowed by the dossier's process: what the server would accept.
  const auto offer = process_offer(db, r, view.terms, state, roles, actor,
                                   allowed_commands(state, roles, now, actor.user_id));
  for (const auto kind : dossier::kAllCommandKinds) {
    const auto in = [kind](const std::vector<dossier::CommandKind>& kinds) {
      return std::find(kinds.begin(), kinds.end(), kind) != kinds.end();
    };
    const bool override = in(offer.by_override);
    if (!in(offer.accepted) && !override) continue;
    if (kind == dossier::CommandKind::reply_to_consultation && !answers_one()) continue;
    w.allowed_actions.emplace_back(action_name(kind));
    if (override) w.outside_process.emplace_back(action_name(kind));
  }
  for (const auto& [kind, steps] : offer.targets)
    w.step_targets[std::string(action_name(kind))] = steps;
  w.partner_steps.clear();
  if (!actor.applicant && view.terms.process && !view.terms.process->id.empty()) {
    if (const auto p = find_process(db, view.terms.process->id, view.terms.process->version)) {
      for (const auto& step : p->steps) {
        if (auto holder = exchange::partner_holding(db, step))
          w.partner_steps[step.id] = {holder->account_id, holder->name};
      }
    }
  }
  w.agency = agency_of(db, r.agency_id);
  w.receiving_unit = unit_of(db, r.receiving_unit_id);
  Names names(db);
  w.assignee_name = r.assignee_id ? names.of(*r.assignee_id) : std::nullopt;
  view.timeline = full_timeline(db, r.id, std::move(view.timeline), names, !actor.applicant);
  w.received_by.reset();
  for (const auto& item : view.timeline) {
    if (item.type == dossier::event_type(dossier::CommandKind::accept)) {
      w.received_by = PersonRef{item.actor_id, item.actor_name};
      break;
    }
  }
  w.received_papers = received_papers(db, r.id);
  if (view.fee) {
    view.fee->requested_by.name = names.of(view.fee->requested_by.id);
    if (view.fee->confirmed_by) view.fee->confirmed_by->name = names.of(view.fee->confirmed_by->id);
  }
  w.uploader_names.clear();
  for (const auto& paper : view.papers) {
    if (auto name = names.of(paper.uploaded_by)) w.uploader_names[paper.uploaded_by] = *name;
  }
  w.party_names.clear();
  if (view.clock) {
    constexpr std::string_view kOfficial = "official:";
    for (const auto& step : view.clock->steps) {
      if (!step.party.starts_with(kOfficial)) continue;
      if (auto name = names.of(step.party.substr(kOfficial.size())))
        w.party_names[step.party] = *name;
    }
  }
  // Fees are paid at the counter of the unit that received the dossier (or of the agency).
  if (w.receiving_unit) {
    w.pay_at = PayAtCounter{w.receiving_unit->name, w.receiving_unit->address};
  } else if (w.agency) {
    w.pay_at = PayAtCounter{w.agency->name, ""};
  }
}

void record_received_papers(store::SqlConnection& db, const Actor& actor,
                            const std::string& dossier_id, const std::vector<ReceivedPaper>& papers,
                            const std::string& at) {
  store::append_audit(
      db, store::AuditEntry{0, actor.user_id, at, kPapersReceivedAction, dossier_id,
                            "counter intake checklist", codec::received_papers_to_text(papers)});
}

}  // namespace motcua::app
