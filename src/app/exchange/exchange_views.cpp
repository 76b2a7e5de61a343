#include "app/exchange/exchange_views.hpp"

#include <algorithm>

#include "app/dossier/consultations.hpp"
#include "app/dossier/dossier_access.hpp"
#include "app/exchange/exchange_outbox.hpp"
#include "store/audit_log.hpp"
#include "store/exchange_links_repository.hpp"
#include "store/exchange_repository.hpp"

namespace motcua::app::exchange {

namespace {

std::string partner_name(store::SqlConnection& db, const std::string& id) {
  const auto p = store::find_exchange_partner(db, id);
  return p ? p->name : id;
}

PartnerQuestionView question_view(store::SqlConnection& db, const store::ExchangeInboundRow& r) {
  return {r.id,
          r.from_id,
          partner_name(db, r.from_id),
          r.agency_id,
          r.parent_code,
          r.procedure_name,
          r.question,
          codec::exchange_papers_from_text(r.papers),
          r.received_at,
          r.due_at,
          r.answered_at.empty(),
          r.answer,
          r.answered_by,
          r.answered_at};
}

// The agencies whose questions the actor answers: those of his processing and leader grants.
std::vector<std::string> answering_agencies(store::SqlConnection& db, const Actor& actor) {
  std::vector<std::string> out;
  if (actor.applicant) return out;
  for (const auto role : {dossier::Role::processing, dossier::Role::leader}) {
    for (auto& id : scoped_agencies(db, actor, role))
      if (std::find(out.begin(), out.end(), id) == out.end()) out.push_back(std::move(id));
  }
  return out;
}

}  // namespace

AppResult<std::vector<ExchangeLinkView>> dossier_exchange_links(store::SqlConnection& db,
                                                                const Actor& actor,
                                                                const std::string& dossier_id) {
  if (actor.applicant) return tl::unexpected(not_found("dossier " + dossier_id));
  if (auto ok = may_see_dossier(db, actor, dossier_id); !ok) return tl::unexpected(ok.error());
  std::vector<ExchangeLinkView> out;
  for (const auto& l : store::exchange_links_of(db, dossier_id)) {
    out.push_back({l.message_id, l.kind, l.partner_id, partner_name(db, l.partner_id), l.step_id,
                   l.consultation_id, l.sent_at, l.receipt_ref, l.receipt_at, l.result_at,
                   l.outcome});
  }
  return out;
}

AppResult<std::vector<PartnerQuestionView>> partner_questions(store::SqlConnection& db,
                                                              const Actor& actor, bool open_only) {
  if (actor.applicant) return tl::unexpected(forbidden_action("questions are for officials"));
  std::vector<PartnerQuestionView> out;
  for (const auto& r :
       store::exchange_questions_to(db, answering_agencies(db, actor), open_only, 200))
    out.push_back(question_view(db, r));
  return out;
}

AppResult<store::PaperRecord> partner_question_paper(store::SqlConnection& db, const Actor& actor,
                                                     const std::string& id,
                                                     const std::string& sha256) {
  const auto found = store::find_exchange_inbound(db, id);
  const auto agencies = answering_agencies(db, actor);
  if (!found || found->kind != "consultation" ||
      std::find(agencies.begin(), agencies.end(), found->agency_id) == agencies.end())
    return tl::unexpected(not_found("question " + id));
  for (const auto& p : codec::exchange_papers_from_text(found->papers)) {
    if (p.sha256 != sha256) continue;
    store::PaperRecord record;
    record.id = sha256;
    record.paper_name = p.name;
    record.file_name = p.file_name;
    record.content_type = p.content_type;
    record.size = p.size;
    record.sha256 = p.sha256;
    return record;
  }
  return tl::unexpected(not_found("paper " + sha256));
}

void audit_partner_paper_opened(store::SqlConnection& db, const Actor& actor,
                                const std::string& question_id, const std::string& sha256,
                                const std::string& now_iso) {
  store::append_audit(db, {0, actor.user_id, now_iso, "exchange.question_paper_opened", question_id,
                           "", R"({"sha256":")" + sha256 + R"("})"});
}

AppResult<PartnerQuestionView> answer_partner_question(store::SqlConnection& db, const Actor& actor,
                                                       const std::string& id,
                                                       const std::string& answer,
                                                       const std::string& self_id, Instant now,
                                                       const std::string& now_iso) {
  const auto found = store::find_exchange_inbound(db, id);
  const auto agencies = answering_agencies(db, actor);
  if (!found || found->kind != "consultation" ||
      std::find(agencies.begin(), agencies.end(), found->agency_id) == agencies.end())
    return tl::unexpected(not_found("question " + id));
  if (answer.find_first_not_of(" \t\r\n") == std::string::npos) {
    return tl::unexpected(AppError{ErrorKind::invalid_input, "missing_answer",
                                   "Chưa nhập nội dung trả lời (answer).",
                                   "The answer (answer) is empty.", "answer: blank"});
  }
  if (!store::answer_exchange_inbound(db, id, answer, actor.user_id, now_iso)) {
    return tl::unexpected(conflict("already_answered", "Câu hỏi đã được trả lời.",
                                   "The question was already answered.", "answer: given already"));
  }
  const codec::AnswerBody body{found->message_id, answer, actor.display_name, now_iso};
  auto queued = queue_exchange_message(db, self_id, found->from_id, "consultation_answer",
                                       "answer:" + found->message_id,
                                       codec::answer_body_to_text(body), "", now_iso, now.seconds);
  if (!queued) return tl::unexpected(queued.error());
  store::append_audit(db, {0, actor.user_id, now_iso, "exchange.question_answered", id, "",
                           R"({"partner":")" + found->from_id + R"("})"});
  return question_view(db, *store::find_exchange_inbound(db, id));
}

}  // namespace motcua::app::exchange
