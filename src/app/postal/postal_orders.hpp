// The postal channel (docs/rules.md "Postal channel"; Decree 61 Art. 16 and Art. 5(1)(b): the
// applicant may hand in papers and take results through the public postal service, and officials
// may not obstruct that choice). An applicant (or reception at the counter) records the choice and
// the postal address; MotCua then writes a "postal.order" outbox row in the transaction of the
// event that needs the post: a pickup when the online dossier is submitted with pickup chosen, a
// delivery when the result is ready with delivery chosen. The adapter (integrations/postal) places
// the order; its tracking number is recorded here and shown on the dossier; the post's status
// callbacks (postal_callbacks.hpp) go into the dossier's history.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "app/common/actor.hpp"
#include "app/common/app_error.hpp"
#include "domain/dossier/dossier_state.hpp"
#include "store/dossier_repository.hpp"
#include "store/sql.hpp"

namespace motcua::app {

struct PostalChoice {
  bool pickup = false;    // the post collects the papers from the applicant's address
  bool delivery = false;  // the post delivers the result to the applicant's address
  std::string receiver_name;
  std::string phone;
  std::string address;
  std::int64_t cod_vnd = 0;  // collected by the post on delivery (fees still due)
};

struct PostalOrderView {
  std::string kind;             // pickup | delivery
  std::string status;           // ordered | placed | picked_up | delivered | returned_to_sender
  std::string tracking_number;  // empty until the post answers
  std::string updated_at;
};

struct PostalView {
  std::string dossier_id;
  bool chosen = false;  // false: no postal choice recorded
  PostalChoice choice;
  std::vector<PostalOrderView> orders;
};

// The applicant of the dossier (before or after submission) or reception of its agency records
// the choice; the write is audited in the dossier's history ("postal_choice_set"). A pickup can
// only be chosen before an online dossier is submitted (after that the papers are with the agency).
AppResult<PostalView> set_postal_choice(store::SqlConnection& db, const Actor& actor,
                                        const std::string& dossier_id, const PostalChoice& choice,
                                        const std::string& now_iso);

// What the actor may see of the dossier's postal channel (not found unless the dossier is theirs).
AppResult<PostalView> postal_of(store::SqlConnection& db, const Actor& actor,
                                const std::string& dossier_id);

// Called by the dossier commit, in its transaction, after the outbox rows of `events`: writes the
// "postal.order" rows the events call for. `record` is the dossier row as committed.
void plan_postal_orders(store::SqlConnection& db, const store::DossierRecord& record,
                        const std::string& applicant_name,
                        const std::vector<dossier::Event>& events, const std::string& now_iso,
                        std::int64_t now_s);

// The post answered the order of outbox row `order_key` with `tracking_number` (the delivery
// engine calls this with the adapter's partner_ref for every delivered "postal.order" row).
// Records it on the order and in the dossier's history; false when no such order exists.
bool record_postal_tracking(store::SqlConnection& db, const std::string& order_key,
                            const std::string& tracking_number, const std::string& now_iso);

}  // namespace motcua::app
