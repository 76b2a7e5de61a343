// Fee payments (migration 0032): one row per attempt, online or at the counter.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/sql.hpp"

namespace motcua::store {

struct PaymentRow {
  std::string id;
  std::string dossier_id;
  std::int64_t fee_seq = 0;
  std::string method;  // vnpay | cash | card
  std::string txn_ref;
  std::int64_t amount_vnd = 0;
  std::string state;  // pending | paid | failed | expired | refunded
  std::string created_by;
  std::string created_at;
  std::string expires_at;
  std::string updated_at;
  std::string gateway_txn_no;
  std::string bank_code;
  std::string response_code;
};

void insert_payment(SqlConnection& db, const PaymentRow& row);
std::optional<PaymentRow> find_payment(SqlConnection& db, const std::string& id);
std::optional<PaymentRow> find_payment_by_txn_ref(SqlConnection& db, const std::string& txn_ref);
// The pending payment of this fee, if any.
std::optional<PaymentRow> open_payment(SqlConnection& db, const std::string& dossier_id,
                                       std::int64_t fee_seq);
std::vector<PaymentRow> payments_of(SqlConnection& db, const std::string& dossier_id);
// Pending online payments created at a local date ("2026-12-06" prefix of created_at).
std::vector<PaymentRow> pending_payments_on(SqlConnection& db, const std::string& date);

// Moves a payment out of `from` only: false when its state was no longer `from` (another IPN won).
bool settle_payment(SqlConnection& db, const std::string& id, const std::string& from,
                    const std::string& to, const std::string& gateway_txn_no,
                    const std::string& bank_code, const std::string& response_code,
                    const std::string& now_iso);

// Moves a payment's state only (a refund settled): false when it was no longer `from`.
bool set_payment_state(SqlConnection& db, const std::string& id, const std::string& from,
                       const std::string& to, const std::string& now_iso);

}  // namespace motcua::store
