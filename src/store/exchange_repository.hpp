// Partner instances, their keys and the messages received from them (migration 0030).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "store/sql.hpp"

namespace motcua::store {

struct ExchangePartnerRow {
  std::string id;
  std::string name;
  std::string base_url;
  std::string agency_codes;  // space-separated
  std::string created_by;
  std::string created_at;
};

struct ExchangeKeyRow {
  std::string partner_id;
  std::string public_key;
  std::string valid_from;
  std::string valid_to;
  std::string added_by;
  std::string added_at;
};

struct ExchangeReceivedRow {
  std::string message_id;
  std::string from_id;
  std::string kind;
  std::string content_hash;
  std::string received_at;
  std::string receipt;
};

void insert_exchange_partner(SqlConnection& db, const ExchangePartnerRow& row);
std::optional<ExchangePartnerRow> find_exchange_partner(SqlConnection& db, const std::string& id);
std::vector<ExchangePartnerRow> list_exchange_partners(SqlConnection& db);

void insert_exchange_key(SqlConnection& db, const ExchangeKeyRow& row);
// A partner's keys, oldest validity first.
std::vector<ExchangeKeyRow> exchange_keys_of(SqlConnection& db, const std::string& partner_id);

std::optional<ExchangeReceivedRow> find_exchange_received(SqlConnection& db,
                                                          const std::string& from_id,
                                                          const std::string& message_id);
void insert_exchange_received(SqlConnection& db, const ExchangeReceivedRow& row);

}  // namespace motcua::store
