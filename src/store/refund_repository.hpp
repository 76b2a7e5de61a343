// Refunds of paid fees (migration 0033): one per payment, pending until the gateway (online) or an
// official (counter) settles it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/sql.hpp"

namespace motcua::store {

struct RefundRow {
  std::string id;
  std::string payment_id;
  std::string dossier_id;
  std::string method;  // vnpay | cash | card
  std::int64_t amount_vnd = 0;
  std::string state;  // pending | refunded | failed
  std::string reason;
  std::string created_at;
  std::string updated_at;
  std::string completed_by;
  std::string completed_at;
  std::string gateway_txn_no;
  std::string error;
};

// False when the payment already has a refund (one per payment).
bool insert_refund(SqlConnection& db, const RefundRow& row);
std::optional<RefundRow> find_refund(SqlConnection& db, const std::string& id);
std::vector<RefundRow> refunds_of(SqlConnection& db, const std::string& dossier_id);

// Moves a refund out of `from` only: false when it was no longer in `from`.
bool settle_refund(SqlConnection& db, const std::string& id, const std::string& from,
                   const std::string& to, const std::string& completed_by,
                   const std::string& at_iso, const std::string& gateway_txn_no,
                   const std::string& error);

}  // namespace motcua::store
