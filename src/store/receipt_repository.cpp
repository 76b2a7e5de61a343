#include "store/receipt_repository.hpp"

namespace motcua::store {

namespace {

constexpr const char* kColumns =
    "SELECT id, payment_id, dossier_id, agency_id, year, number, method, amount_vnd, description, "
    "payer_name, issued_by, issued_at, note FROM fee_receipts ";

ReceiptRow receipt_of(const SqlRow& r) {
  return {r.text(0),    r.text(1), r.text(2), r.text(3),  r.integer(4), r.integer(5), r.text(6),
          r.integer(7), r.text(8), r.text(9), r.text(10), r.text(11),   r.text(12)};
}

}  // namespace

std::int64_t next_receipt_number(SqlConnection& db, const std::string& agency_id,
                                 std::int64_t year) {
  // One statement both creates the year's counter and bumps it; the row stays locked by the
  // write transaction until it commits (SQLite has one writer; PostgreSQL locks the row).
  db.execute(
      "INSERT INTO receipt_numbers(agency_id, year, last_number) VALUES (?, ?, 1) "
      "ON CONFLICT (agency_id, year) DO UPDATE SET last_number = receipt_numbers.last_number + 1",
      {agency_id, year});
  const auto r =
      db.query_one("SELECT last_number FROM receipt_numbers WHERE agency_id = ? AND year = ?",
                   {agency_id, year});
  return r ? r->integer(0) : 0;
}

void insert_receipt(SqlConnection& db, const ReceiptRow& row) {
  db.execute(
      "INSERT INTO fee_receipts(id, payment_id, dossier_id, agency_id, year, number, method, "
      "amount_vnd, description, payer_name, issued_by, issued_at, note) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {row.id, row.payment_id, row.dossier_id, row.agency_id, row.year, row.number, row.method,
       row.amount_vnd, row.description, row.payer_name, row.issued_by, row.issued_at, row.note});
}

std::vector<ReceiptRow> receipts_of(SqlConnection& db, const std::string& dossier_id) {
  std::vector<ReceiptRow> out;
  for (const auto& r : db.query(
           std::string(kColumns) + "WHERE dossier_id = ? ORDER BY issued_at, number", {dossier_id}))
    out.push_back(receipt_of(r));
  return out;
}

std::optional<ReceiptRow> receipt_of_payment(SqlConnection& db, const std::string& payment_id) {
  const auto r = db.query_one(std::string(kColumns) + "WHERE payment_id = ?", {payment_id});
  if (!r) return std::nullopt;
  return receipt_of(*r);
}

}  // namespace motcua::store
