// Counter e-receipts of fees and their gap-free numbers (migration 0033).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/sql.hpp"

namespace motcua::store {

struct ReceiptRow {
  std::string id;
  std::string payment_id;
  std::string dossier_id;
  std::string agency_id;
  std::int64_t year = 0;
  std::int64_t number = 0;
  std::string method;  // cash | card
  std::int64_t amount_vnd = 0;
  std::string description;
  std::string payer_name;
  std::string issued_by;
  std::string issued_at;
  std::string note;
};

// The next receipt number of the agency in the year (1 for the first). Call it inside the write
// transaction that inserts the receipt: a rollback gives the number back, so none is skipped.
std::int64_t next_receipt_number(SqlConnection& db, const std::string& agency_id,
                                 std::int64_t year);
void insert_receipt(SqlConnection& db, const ReceiptRow& row);
std::vector<ReceiptRow> receipts_of(SqlConnection& db, const std::string& dossier_id);
std::optional<ReceiptRow> receipt_of_payment(SqlConnection& db, const std::string& payment_id);

}  // namespace motcua::store
