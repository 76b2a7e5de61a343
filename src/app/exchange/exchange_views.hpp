// What officials see of the exchange between instances:
//  - on a dossier of this instance, its links to partners (the step or consultation handed over,
//    the partner's receipt and its reference, the result or answer and when it came);
//  - the questions partners put to this instance's agencies, which the officials of those
//    agencies (processing or leader role) answer; the answer goes back as a signed
//    consultation_answer through the delivery engine, audited.
#pragma once

#include <string>
#include <vector>

#include "app/common/actor.hpp"
#include "app/common/app_error.hpp"
#include "codec/exchange_bodies.hpp"
#include "domain/calendar/date.hpp"
#include "store/paper_repository.hpp"
#include "store/sql.hpp"

namespace motcua::app::exchange {

struct ExchangeLinkView {
  std::string message_id;
  std::string kind;  // step | consultation
  std::string partner_id;
  std::string partner_name;
  std::string step_id;
  std::string consultation_id;
  std::string sent_at;
  std::string receipt_ref;  // the partner's reference (its child dossier's code)
  std::string receipt_at;
  std::string result_at;
  std::string outcome;
};

AppResult<std::vector<ExchangeLinkView>> dossier_exchange_links(store::SqlConnection& db,
                                                                const Actor& actor,
                                                                const std::string& dossier_id);

struct PartnerQuestionView {
  std::string id;
  std::string partner_id;
  std::string partner_name;
  std::string agency_id;
  std::string parent_code;
  std::string procedure_name;
  std::string question;
  std::vector<codec::ExchangePaper> papers;  // without their bytes
  std::string received_at;
  std::string due_at;
  bool open = true;
  std::string answer;
  std::string answered_by;
  std::string answered_at;
};

AppResult<std::vector<PartnerQuestionView>> partner_questions(store::SqlConnection& db,
                                                              const Actor& actor, bool open_only);

// A paper a partner sent with a question, for the officials who answer it (404 for others, and for
// a sha256 the question does not list). The opening is audited by the caller's write job
// (audit_partner_paper_opened) before the bytes go out.
AppResult<store::PaperRecord> partner_question_paper(store::SqlConnection& db, const Actor& actor,
                                                     const std::string& id,
                                                     const std::string& sha256);
void audit_partner_paper_opened(store::SqlConnection& db, const Actor& actor,
                                const std::string& question_id, const std::string& sha256,
                                const std::string& now_iso);

// 404 unless the actor answers for the question's agency; 409 when it was answered already;
// 422 for a blank answer.
AppResult<PartnerQuestionView> answer_partner_question(store::SqlConnection& db, const Actor& actor,
                                                       const std::string& id,
                                                       const std::string& answer,
                                                       const std::string& self_id, Instant now,
                                                       const std::string& now_iso);

}  // namespace motcua::app::exchange
