#include "store/payment_repository.hpp"

namespace motcua::store {

namespace {

constexpr const char* kColumns =
    "SELECT id, dossier_id, fee_seq, method, txn_ref, amount_vnd, state, created_by, created_at, "
    "expires_at, updated_at, gateway_txn_no, bank_code, response_code FROM payments ";

PaymentRow payment_of(const SqlRow& r) {
  return {r.text(0), r.text(1), r.integer(2), r.text(3),  r.text(4),  r.integer(5), r.text(6),
          r.text(7), r.text(8), r.text(9),    r.text(10), r.text(11), r.text(12),   r.text(13)};
}

std::optional<PaymentRow> one(SqlConnection& db, const std::string& where,
                              std::vector<SqlValue> params) {
  const auto r = db.query_one(std::string(kColumns) + where, params);
  if (!r) return std::nullopt;
  return payment_of(*r);
}

std::vector<PaymentRow> many(SqlConnection& db, const std::string& where,
                             std::vector<SqlValue> params) {
  std::vector<PaymentRow> out;
  for (const auto& r : db.query(std::string(kColumns) + where, params))
    out.push_back(payment_of(r));
  return out;
}

}  // namespace

void insert_payment(SqlConnection& db, const PaymentRow& row) {
  db.execute(
      "INSERT INTO payments(id, dossier_id, fee_seq, method, txn_ref, amount_vnd, state, "
      "created_by, created_at, expires_at, updated_at, gateway_txn_no, bank_code, response_code) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {row.id, row.dossier_id, row.fee_seq, row.method, row.txn_ref, row.amount_vnd, row.state,
       row.created_by, row.created_at, row.expires_at, row.updated_at, row.gateway_txn_no,
       row.bank_code, row.response_code});
}

std::optional<PaymentRow> find_payment(SqlConnection& db, const std::string& id) {
  return one(db, "WHERE id = ?", {id});
}

std::optional<PaymentRow> find_payment_by_txn_ref(SqlConnection& db, const std::string& txn_ref) {
  return one(db, "WHERE txn_ref = ?", {txn_ref});
}

std::optional<PaymentRow> open_payment(SqlConnection& db, const std::string& dossier_id,
                                       std::int64_t fee_seq) {
  return one(db, "WHERE dossier_id = ? AND fee_seq = ? AND state = 'pending'",
             {dossier_id, fee_seq});
}

std::vector<PaymentRow> payments_of(SqlConnection& db, const std::string& dossier_id) {
  return many(db, "WHERE dossier_id = ? ORDER BY created_at, id", {dossier_id});
}

std::vector<PaymentRow> pending_payments_on(SqlConnection& db, const std::string& date) {
  return many(db,
              "WHERE method = 'vnpay' AND state = 'pending' AND substr(created_at, 1, 10) = ? "
              "ORDER BY created_at, id",
              {date});
}

bool settle_payment(SqlConnection& db, const std::string& id, const std::string& from,
                    const std::string& to, const std::string& gateway_txn_no,
                    const std::string& bank_code, const std::string& response_code,
                    const std::string& now_iso) {
  return db.execute(
             "UPDATE payments SET state = ?, gateway_txn_no = ?, bank_code = ?, response_code = ?, "
             "updated_at = ? WHERE id = ? AND state = ?",
             {to, gateway_txn_no, bank_code, response_code, now_iso, id, from}) == 1;
}

bool set_payment_state(SqlConnection& db, const std::string& id, const std::string& from,
                       const std::string& to, const std::string& now_iso) {
  return db.execute("UPDATE payments SET state = ?, updated_at = ? WHERE id = ? AND state = ?",
                    {to, now_iso, id, from}) == 1;
}

}  // namespace motcua::store
