#include "store/exchange_repository.hpp"

namespace motcua::store {

namespace {

constexpr const char* kPartnerColumns =
    "SELECT id, name, base_url, agency_codes, created_by, created_at FROM exchange_partners ";

ExchangePartnerRow partner_of(const SqlRow& r) {
  return {r.text(0), r.text(1), r.text(2), r.text(3), r.text(4), r.text(5)};
}

}  // namespace

void insert_exchange_partner(SqlConnection& db, const ExchangePartnerRow& row) {
  db.execute(
      "INSERT INTO exchange_partners(id, name, base_url, agency_codes, created_by, created_at) "
      "VALUES (?, ?, ?, ?, ?, ?)",
      {row.id, row.name, row.base_url, row.agency_codes, row.created_by, row.created_at});
}

std::optional<ExchangePartnerRow> find_exchange_partner(SqlConnection& db, const std::string& id) {
  const auto r = db.query_one(std::string(kPartnerColumns) + "WHERE id = ?", {id});
  if (!r) return std::nullopt;
  return partner_of(*r);
}

std::vector<ExchangePartnerRow> list_exchange_partners(SqlConnection& db) {
  std::vector<ExchangePartnerRow> out;
  for (const auto& r : db.query(std::string(kPartnerColumns) + "ORDER BY id"))
    out.push_back(partner_of(r));
  return out;
}

void insert_exchange_key(SqlConnection& db, const ExchangeKeyRow& row) {
  db.execute(
      "INSERT INTO exchange_partner_keys(partner_id, public_key, valid_from, valid_to, added_by, "
      "added_at) VALUES (?, ?, ?, ?, ?, ?)",
      {row.partner_id, row.public_key, row.valid_from, row.valid_to, row.added_by, row.added_at});
}

std::vector<ExchangeKeyRow> exchange_keys_of(SqlConnection& db, const std::string& partner_id) {
  std::vector<ExchangeKeyRow> out;
  for (const auto& r :
       db.query("SELECT partner_id, public_key, valid_from, valid_to, added_by, added_at FROM "
                "exchange_partner_keys WHERE partner_id = ? ORDER BY valid_from, public_key",
                {partner_id})) {
    out.push_back({r.text(0), r.text(1), r.text(2), r.text(3), r.text(4), r.text(5)});
  }
  return out;
}

std::optional<ExchangeReceivedRow> find_exchange_received(SqlConnection& db,
                                                          const std::string& from_id,
                                                          const std::string& message_id) {
  const auto r = db.query_one(
      "SELECT message_id, from_id, kind, content_hash, received_at, receipt FROM exchange_received "
      "WHERE from_id = ? AND message_id = ?",
      {from_id, message_id});
  if (!r) return std::nullopt;
  return ExchangeReceivedRow{r->text(0), r->text(1), r->text(2),
                             r->text(3), r->text(4), r->text(5)};
}

void insert_exchange_received(SqlConnection& db, const ExchangeReceivedRow& row) {
  db.execute(
      "INSERT INTO exchange_received(message_id, from_id, kind, content_hash, received_at, "
      "receipt) "
      "VALUES (?, ?, ?, ?, ?, ?)",
      {row.message_id, row.from_id, row.kind, row.content_hash, row.received_at, row.receipt});
}

}  // namespace motcua::store
