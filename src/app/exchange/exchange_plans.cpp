#include "app/exchange/exchange_plans.hpp"

#include "app/admin/processes.hpp"
#include "app/exchange/exchange_outbox.hpp"
#include "app/exchange/partner_account.hpp"
#include "app/exchange/partners.hpp"
#include "codec/exchange_bodies.hpp"
#include "codec/string_list_json.hpp"
#include "store/agency_repository.hpp"
#include "store/exchange_links_repository.hpp"
#include "store/exchange_repository.hpp"
#include "store/paper_repository.hpp"

namespace motcua::app::exchange {

namespace {

// The official a hand-over names, if the command is one.
struct HandOverTarget {
  std::string official;
  std::string step;
};
std::optional<HandOverTarget> hand_over_of(const dossier::Command& command) {
  return std::visit(
      [](const auto& c) -> std::optional<HandOverTarget> {
        using T = std::decay_t<decltype(c)>;
        if constexpr (std::is_same_v<T, dossier::Assign> || std::is_same_v<T, dossier::Forward> ||
                      std::is_same_v<T, dossier::SendBack>) {
          return HandOverTarget{c.official_id, c.step};
        } else {
          (void)sizeof(T);
          return std::nullopt;
        }
      },
      command);
}

codec::ExchangePaper paper_of(const codec::DocumentPaper& p) {
  return {p.paper_name, p.paper_id, p.file_name, p.content_type, p.sha256, p.size, ""};
}

std::string step_name(const DossierDocument& document, const std::string& step_id) {
  if (document.terms.process) {
    for (const auto& s : document.terms.process->steps)
      if (s.id == step_id) return s.name;
  }
  return step_id;
}

std::string iso(const std::optional<Instant>& at, int offset) {
  return at ? to_iso(*at, offset) : std::string();
}

// The partner's code for this instance's agency `agency_id`: the code the partner serves.
std::string agency_code_of(store::SqlConnection& db, const std::string& agency_id) {
  const auto agency = store::find_agency(db, agency_id);
  return agency ? agency->code : agency_id;
}

void plan_transfer(store::SqlConnection& db, const PlanContext& ctx,
                   const store::DossierRecord& record, const DossierDocument& document,
                   const dossier::DossierState& before, const dossier::Event& event,
                   const HandOverTarget& target, const std::string& partner_id,
                   const Actor& actor) {
  const auto partner = store::find_exchange_partner(db, partner_id);
  if (!partner) return;
  // The step's agency, in the code the partner knows it by (the step's unit or agency).
  std::string agency_code;
  if (const auto& terms = document.terms.process) {
    if (const auto p = find_process(db, terms->id, terms->version)) {
      if (const auto* step = process::find_step(*p, target.step)) {
        const auto& unit = step->responsible.unit_id;
        agency_code = agency_code_of(db, store::unit_agency(db, unit).value_or(unit));
      }
    }
  }
  if (agency_code.empty())
    agency_code = partner->agency_codes.substr(0, partner->agency_codes.find(' '));
  codec::TransferBody body;
  body.parent_id = record.id;
  body.parent_code = record.code.value_or("");
  body.procedure_code = record.procedure_code;
  body.procedure_name = document.procedure_name;
  body.variant = record.variant;
  body.agency_code = agency_code;
  body.step_id = target.step;
  body.step_name = step_name(document, target.step);
  body.due_at = record.due_s ? to_iso(Instant{*record.due_s}, ctx.utc_offset_minutes) : "";
  body.applicant = document.applicant;
  for (const auto& p : document.papers) body.papers.push_back(paper_of(p));
  const std::string key = "transfer:" + record.id + ":" + std::to_string(record.version);
  const std::string now_iso = to_iso(ctx.now, ctx.utc_offset_minutes);
  auto queued = queue_exchange_message(db, ctx.self_id, partner_id, "dossier_transfer", key,
                                       codec::transfer_body_to_text(body), record.id, now_iso,
                                       ctx.now.seconds);
  if (!queued || !queued->written) return;
  // The result hands the dossier back to the step and official it came from.
  const std::string origin_official = before.assignee.empty() || partner_of_account(before.assignee)
                                          ? actor.user_id
                                          : before.assignee;
  store::insert_exchange_link(
      db, {queued->message_id, "step", record.id, partner_id, target.step, before.step,
           origin_official, "", iso(event.at, ctx.utc_offset_minutes), "", "", "", ""});
}

// The outcome a child dossier's partner is told, once it has one.
std::optional<std::string> outcome_of(const dossier::DossierState& after) {
  using dossier::DossierStatus;
  switch (after.status) {
    case DossierStatus::result_ready:
    case DossierStatus::returned:
      if (!after.result_kind) return std::nullopt;
      return std::string(dossier::to_string(*after.result_kind));
    case DossierStatus::refused_at_receipt:
      return std::string("refused_at_receipt");
    case DossierStatus::stopped:
      return std::string("stopped");
    default:
      return std::nullopt;
  }
}

void plan_result(store::SqlConnection& db, const PlanContext& ctx,
                 const store::DossierRecord& record, const dossier::DossierState& after,
                 const Actor& actor, const std::string& reason) {
  const auto outcome = outcome_of(after);
  if (!outcome) return;
  const auto inbound = store::exchange_inbound_of_dossier(db, record.id);
  if (!inbound || inbound->kind != "step" || !inbound->answered_at.empty()) return;
  const std::string now_iso = to_iso(ctx.now, ctx.utc_offset_minutes);
  if (!store::answer_exchange_inbound(db, inbound->id, *outcome, actor.user_id, now_iso)) return;
  const codec::ResultBody body{inbound->message_id, record.code.value_or(""), *outcome, reason,
                               now_iso};
  (void)queue_exchange_message(db, ctx.self_id, inbound->from_id, "result",
                               "result:" + inbound->message_id, codec::result_body_to_text(body),
                               record.id, now_iso, ctx.now.seconds);
}

}  // namespace

void plan_exchange_messages(store::SqlConnection& db, const PlanContext& ctx,
                            const store::DossierRecord& record, const DossierDocument& document,
                            const dossier::DossierState& before, const dossier::DossierState& after,
                            const std::vector<dossier::Event>& new_events, const Actor& actor,
                            const std::string& reason) {
  if (ctx.self_id.empty()) return;
  for (const auto& e : new_events) {
    const auto target = hand_over_of(e.command);
    if (!target) continue;
    if (const auto partner = partner_of_account(target->official))
      plan_transfer(db, ctx, record, document, before, e, *target, *partner, actor);
  }
  if (before.status != after.status) plan_result(db, ctx, record, after, actor, reason);
}

void plan_exchange_question(store::SqlConnection& db, const PlanContext& ctx,
                            const store::DossierRecord& record, const DossierDocument& document,
                            const store::ConsultationRecord& consultation) {
  if (ctx.self_id.empty()) return;
  const auto partner = partner_serving(db, consultation.agency_code);
  if (!partner) return;
  codec::QuestionBody body;
  body.parent_id = record.id;
  body.parent_code = record.code.value_or("");
  body.procedure_name = document.procedure_name;
  body.agency_code = consultation.agency_code;
  body.question = consultation.question;
  body.due_at = consultation.due_at;
  for (const auto& id : codec::string_list_from_text(consultation.shared_papers)) {
    for (const auto& p : document.papers)
      if (p.id == id) body.papers.push_back(paper_of(p));
  }
  const std::string now_iso = to_iso(ctx.now, ctx.utc_offset_minutes);
  auto queued = queue_exchange_message(
      db, ctx.self_id, partner->id, "consultation_question", "question:" + consultation.id,
      codec::question_body_to_text(body), record.id, now_iso, ctx.now.seconds);
  if (!queued || !queued->written) return;
  store::insert_exchange_link(db, {queued->message_id, "consultation", record.id, partner->id, "",
                                   "", "", consultation.id, now_iso, "", "", "", ""});
}

}  // namespace motcua::app::exchange
