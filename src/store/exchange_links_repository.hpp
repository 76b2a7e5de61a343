// What the exchange between instances did with dossiers (migration 0037): on the sending side the
// links of a dossier's steps and consultations to partners, on the receiving side the dossiers
// and questions partners handed to this instance.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "store/sql.hpp"

namespace motcua::store {

struct ExchangeLinkRow {
  std::string message_id;
  std::string kind;  // "step" or "consultation"
  std::string dossier_id;
  std::string partner_id;
  std::string step_id;
  std::string origin_step;
  std::string origin_official;
  std::string consultation_id;
  std::string sent_at;
  std::string receipt_ref;
  std::string receipt_at;
  std::string result_at;
  std::string outcome;
};

void insert_exchange_link(SqlConnection& db, const ExchangeLinkRow& row);
std::optional<ExchangeLinkRow> find_exchange_link(SqlConnection& db, const std::string& message_id);
std::vector<ExchangeLinkRow> exchange_links_of(SqlConnection& db, const std::string& dossier_id);
// The partner's signed receipt of the message: its reference, once (a later delivery of the same
// message keeps the first).
void record_link_receipt(SqlConnection& db, const std::string& message_id,
                         const std::string& reference, const std::string& at_iso);
// Closes the link with the partner's result or answer; false when it was closed already.
bool close_exchange_link(SqlConnection& db, const std::string& message_id,
                         const std::string& outcome, const std::string& at_iso);

struct ExchangeInboundRow {
  std::string id;
  std::string from_id;
  std::string message_id;
  std::string kind;  // "step" or "consultation"
  std::string dossier_id;
  std::string agency_id;
  std::string parent_code;
  std::string procedure_name;
  std::string question;
  std::string papers;  // JSON list (codec/exchange_bodies)
  std::string received_at;
  std::string due_at;
  std::string answer;
  std::string answered_by;
  std::string answered_at;
};

void insert_exchange_inbound(SqlConnection& db, const ExchangeInboundRow& row);
std::optional<ExchangeInboundRow> find_exchange_inbound(SqlConnection& db, const std::string& id);
// The inbound row a child dossier was made from.
std::optional<ExchangeInboundRow> exchange_inbound_of_dossier(SqlConnection& db,
                                                              const std::string& dossier_id);
// Questions put to these agencies, newest first; `open_only`: not answered yet.
std::vector<ExchangeInboundRow> exchange_questions_to(SqlConnection& db,
                                                      const std::vector<std::string>& agency_ids,
                                                      bool open_only, int limit);
// Records the answer (or, for a child dossier, the result sent back); false when it was there.
bool answer_exchange_inbound(SqlConnection& db, const std::string& id, const std::string& answer,
                             const std::string& by, const std::string& at_iso);

}  // namespace motcua::store
