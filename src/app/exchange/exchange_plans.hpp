// The messages the exchange between instances writes in the transaction of a dossier's event
// (issue 14 point 6; docs/rules.md "Liên thông giữa các hệ thống"), each one outbox row of the
// "exchange" topic delivered by the engine, and on the sending side one exchange_links row:
//  - a hand-over (assign, forward, send_back) to a partner's account: the step is done by the
//    partner's system, so the dossier goes to it as a dossier_transfer with the papers it needs;
//  - a consultation of an agency a partner serves: a consultation_question with the shared papers;
//  - on the receiving side, a child dossier that reaches its outcome (result ready, refused at
//    receipt, stopped): a result to the partner that sent it, once.
// Nothing is written when exchange is not configured (empty self id) and none of this applies.
#pragma once

#include <string>
#include <vector>

#include "app/common/actor.hpp"
#include "app/dossier/dossier_document.hpp"
#include "domain/dossier/dossier_state.hpp"
#include "store/consultation_repository.hpp"
#include "store/dossier_repository.hpp"
#include "store/sql.hpp"

namespace motcua::app::exchange {

struct PlanContext {
  std::string self_id;  // this instance; empty: exchange not configured
  int utc_offset_minutes = 420;
  Instant now;
};

// `before`: the dossier's state before `new_events`; `after`: after them; `reason`: the last
// event's reason as logged (the result's note).
void plan_exchange_messages(store::SqlConnection& db, const PlanContext& ctx,
                            const store::DossierRecord& record, const DossierDocument& document,
                            const dossier::DossierState& before, const dossier::DossierState& after,
                            const std::vector<dossier::Event>& new_events, const Actor& actor,
                            const std::string& reason);

// A consultation just opened: a question to the partner that serves its agency, if any.
void plan_exchange_question(store::SqlConnection& db, const PlanContext& ctx,
                            const store::DossierRecord& record, const DossierDocument& document,
                            const store::ConsultationRecord& consultation);

}  // namespace motcua::app::exchange
