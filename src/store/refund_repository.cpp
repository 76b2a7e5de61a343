#include "store/refund_repository.hpp"

namespace motcua::store {

namespace {

constexpr const char* kColumns =
    "SELECT id, payment_id, dossier_id, method, amount_vnd, state, reason, created_at, updated_at, "
    "completed_by, completed_at, gateway_txn_no, error FROM refunds ";

RefundRow refund_of(const SqlRow& r) {
  return {r.text(0), r.text(1), r.text(2), r.text(3),  r.integer(4), r.text(5), r.text(6),
          r.text(7), r.text(8), r.text(9), r.text(10), r.text(11),   r.text(12)};
}

}  // namespace

bool insert_refund(SqlConnection& db, const RefundRow& row) {
  if (db.query_one("SELECT 1 FROM refunds WHERE payment_id = ?", {row.payment_id})) return false;
  db.execute(
      "INSERT INTO refunds(id, payment_id, dossier_id, method, amount_vnd, state, reason, "
      "created_at, updated_at, completed_by, completed_at, gateway_txn_no, error) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {row.id, row.payment_id, row.dossier_id, row.method, row.amount_vnd, row.state, row.reason,
       row.created_at, row.updated_at, row.completed_by, row.completed_at, row.gateway_txn_no,
       row.error});
  return true;
}

std::optional<RefundRow> find_refund(SqlConnection& db, const std::string& id) {
  const auto r = db.query_one(std::string(kColumns) + "WHERE id = ?", {id});
  if (!r) return std::nullopt;
  return refund_of(*r);
}

std::vector<RefundRow> refunds_of(SqlConnection& db, const std::string& dossier_id) {
  std::vector<RefundRow> out;
  for (const auto& r : db.query(
           std::string(kColumns) + "WHERE dossier_id = ? ORDER BY created_at, id", {dossier_id}))
    out.push_back(refund_of(r));
  return out;
}

bool settle_refund(SqlConnection& db, const std::string& id, const std::string& from,
                   const std::string& to, const std::string& completed_by,
                   const std::string& at_iso, const std::string& gateway_txn_no,
                   const std::string& error) {
  return db.execute(
             "UPDATE refunds SET state = ?, completed_by = ?, completed_at = ?, updated_at = ?, "
             "gateway_txn_no = ?, error = ? WHERE id = ? AND state = ?",
             {to, completed_by, at_iso, at_iso, gateway_txn_no, error, id, from}) == 1;
}

}  // namespace motcua::store
