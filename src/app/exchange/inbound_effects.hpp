// What a partner's message does here, once its envelope is verified and its id is new
// (exchange_inbox.hpp), in the same transaction as the record of it:
//  - dossier_transfer: a child dossier at the agency named, submitted by the partner's account
//    with the papers carried (each checked against its sha256), waiting at reception like any
//    online dossier; the receipt's reference is the child's code;
//  - result: the parent dossier's step the partner held ends: the dossier goes back to the official
//    and step that sent it, with the partner's outcome in the log (DossierService::
//    resume_from_partner);
//  - consultation_question: a question to one of this instance's agencies, for its officials to
//    answer (exchange_questions.hpp);
//  - consultation_answer: the answer closes the consultation of the parent dossier, given by the
//    partner's account for the agency it serves;
//  - feedback_forward: feedback on regulations the partner found outside its competence becomes
//    a feedback item here (channel `exchange`), addressed to the province this instance serves,
//    with its own tracking code and this province's answering limit; the receipt's reference is
//    that code (docs/rules.md section 10).
// A message this instance cannot take (an unknown agency or procedure, a result for a transfer it
// never sent) is refused with the field named, and nothing is recorded: the sender sees the
// refusal on its outbox.
#pragma once

#include <cstdint>
#include <string>

#include "app/common/app_error.hpp"
#include "app/dossier/dossier_service.hpp"
#include "codec/exchange_wire.hpp"
#include "store/sql.hpp"

namespace motcua::app::exchange {

struct InboundContext {
  DossierService& dossiers;
  std::string uploads_dir;  // where papers' bytes are kept (store/file_blobs.hpp)
  // The province's limit for answering feedback (data/templates/feedback-terms.json).
  std::int64_t feedback_answer_days = 15;
};

// The receipt's reference for the message.
AppResult<std::string> take_effect(store::SqlConnection& db, InboundContext& ctx,
                                   const codec::ExchangeWire& message, const std::string& now_iso);

}  // namespace motcua::app::exchange
