#include "store/exchange_links_repository.hpp"

namespace motcua::store {

namespace {

constexpr const char* kLinkColumns =
    "SELECT message_id, kind, dossier_id, partner_id, step_id, origin_step, origin_official, "
    "consultation_id, sent_at, receipt_ref, receipt_at, result_at, outcome FROM exchange_links ";

ExchangeLinkRow link_of(const SqlRow& r) {
  return {r.text(0), r.text(1), r.text(2), r.text(3),  r.text(4),  r.text(5), r.text(6),
          r.text(7), r.text(8), r.text(9), r.text(10), r.text(11), r.text(12)};
}

constexpr const char* kInboundColumns =
    "SELECT id, from_id, message_id, kind, dossier_id, agency_id, parent_code, procedure_name, "
    "question, papers, received_at, due_at, answer, answered_by, answered_at FROM "
    "exchange_inbound ";

ExchangeInboundRow inbound_of(const SqlRow& r) {
  return {r.text(0),  r.text(1),  r.text(2),  r.text(3),  r.text(4),
          r.text(5),  r.text(6),  r.text(7),  r.text(8),  r.text(9),
          r.text(10), r.text(11), r.text(12), r.text(13), r.text(14)};
}

}  // namespace

void insert_exchange_link(SqlConnection& db, const ExchangeLinkRow& row) {
  db.execute(
      "INSERT INTO exchange_links(message_id, kind, dossier_id, partner_id, step_id, origin_step, "
      "origin_official, consultation_id, sent_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {row.message_id, row.kind, row.dossier_id, row.partner_id, row.step_id, row.origin_step,
       row.origin_official, row.consultation_id, row.sent_at});
}

std::optional<ExchangeLinkRow> find_exchange_link(SqlConnection& db,
                                                  const std::string& message_id) {
  const auto r = db.query_one(std::string(kLinkColumns) + "WHERE message_id = ?", {message_id});
  if (!r) return std::nullopt;
  return link_of(*r);
}

std::vector<ExchangeLinkRow> exchange_links_of(SqlConnection& db, const std::string& dossier_id) {
  std::vector<ExchangeLinkRow> out;
  for (const auto& r :
       db.query(std::string(kLinkColumns) + "WHERE dossier_id = ? ORDER BY sent_at, message_id",
                {dossier_id}))
    out.push_back(link_of(r));
  return out;
}

void record_link_receipt(SqlConnection& db, const std::string& message_id,
                         const std::string& reference, const std::string& at_iso) {
  db.execute(
      "UPDATE exchange_links SET receipt_ref = ?, receipt_at = ? WHERE message_id = ? AND "
      "receipt_at = ''",
      {reference, at_iso, message_id});
}

bool close_exchange_link(SqlConnection& db, const std::string& message_id,
                         const std::string& outcome, const std::string& at_iso) {
  return db.execute(
             "UPDATE exchange_links SET outcome = ?, result_at = ? WHERE message_id = ? AND "
             "result_at = ''",
             {outcome, at_iso, message_id}) > 0;
}

void insert_exchange_inbound(SqlConnection& db, const ExchangeInboundRow& row) {
  db.execute(
      "INSERT INTO exchange_inbound(id, from_id, message_id, kind, dossier_id, agency_id, "
      "parent_code, procedure_name, question, papers, received_at, due_at) VALUES (?, ?, ?, ?, "
      "?, ?, ?, ?, ?, ?, ?, ?)",
      {row.id, row.from_id, row.message_id, row.kind, row.dossier_id, row.agency_id,
       row.parent_code, row.procedure_name, row.question, row.papers, row.received_at, row.due_at});
}

std::optional<ExchangeInboundRow> find_exchange_inbound(SqlConnection& db, const std::string& id) {
  const auto r = db.query_one(std::string(kInboundColumns) + "WHERE id = ?", {id});
  if (!r) return std::nullopt;
  return inbound_of(*r);
}

std::optional<ExchangeInboundRow> exchange_inbound_of_dossier(SqlConnection& db,
                                                              const std::string& dossier_id) {
  if (dossier_id.empty()) return std::nullopt;
  const auto r = db.query_one(std::string(kInboundColumns) + "WHERE dossier_id = ?", {dossier_id});
  if (!r) return std::nullopt;
  return inbound_of(*r);
}

std::vector<ExchangeInboundRow> exchange_questions_to(SqlConnection& db,
                                                      const std::vector<std::string>& agency_ids,
                                                      bool open_only, int limit) {
  std::vector<ExchangeInboundRow> out;
  for (const auto& agency : agency_ids) {
    for (const auto& r :
         db.query(std::string(kInboundColumns) + "WHERE kind = 'consultation' AND agency_id = ?" +
                      (open_only ? " AND answered_at = ''" : "") +
                      " ORDER BY received_at DESC, id LIMIT ?",
                  {agency, static_cast<std::int64_t>(limit)}))
      out.push_back(inbound_of(r));
  }
  return out;
}

bool answer_exchange_inbound(SqlConnection& db, const std::string& id, const std::string& answer,
                             const std::string& by, const std::string& at_iso) {
  return db.execute(
             "UPDATE exchange_inbound SET answer = ?, answered_by = ?, answered_at = ? WHERE id = "
             "? AND answered_at = ''",
             {answer, by, at_iso, id}) > 0;
}

}  // namespace motcua::store
