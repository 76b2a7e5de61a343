#include "store/open311_repository.hpp"

#include "store/personal_data.hpp"

namespace motcua::store {

namespace {

constexpr const char* kInsertKey =
    "INSERT INTO open311_api_keys(id, key_hash, label, issued_by, issued_at, revoked_at) VALUES "
    "(?, ?, ?, ?, ?, ?)";
constexpr const char* kFindKey =
    "SELECT id, key_hash, label, issued_by, issued_at, revoked_at FROM open311_api_keys WHERE "
    "key_hash = ?";
constexpr const char* kRevokeKey =
    "UPDATE open311_api_keys SET revoked_at = ? WHERE id = ? AND revoked_at = ''";
constexpr const char* kInsertRequest =
    "INSERT INTO open311_requests(feedback_id, service_code, lat, lon, address_string, email, "
    "phone, device_id, account_id, media_url, attributes, api_key_id) VALUES (?, ?, ?, ?, ?, ?, "
    "?, ?, ?, ?, ?, ?)";
constexpr const char* kSelectRows =
    "SELECT f.id, f.code, f.name, f.contact, f.procedure_code, f.procedure_name, f.agency_id, "
    "f.content, f.status, f.received_at, f.answer_due, f.answer, f.legal_reference, "
    "f.answer_folded, f.answered_by, f.answered_at, o.service_code, o.lat, o.lon, "
    "o.address_string, o.email, o.phone, o.device_id, o.account_id, o.media_url, o.attributes, "
    "o.api_key_id FROM open311_requests o JOIN feedback f ON f.id = o.feedback_id WHERE 1 = 1";

Open311Row from_row(const SqlRow& r) {
  Open311Row out;
  auto& f = out.feedback;
  f.id = r.text(0);
  f.code = r.text(1);
  f.name = r.text(2);
  f.contact = unseal(r.text(3), "feedback", "contact", f.id);
  f.procedure_code = r.text(4);
  f.procedure_name = r.text(5);
  f.agency_id = r.text(6);
  f.content = r.text(7);
  f.status = r.text(8);
  f.received_at = r.text(9);
  f.answer_due = r.text(10);
  f.answer = r.optional_text(11);
  f.legal_reference = r.optional_text(12);
  f.answer_folded = r.optional_text(13);
  f.answered_by = r.optional_text(14);
  f.answered_at = r.optional_text(15);
  out.request =
      // The reporter's address, email and phone are sealed at rest (store/personal_data.hpp).
      Open311RequestRecord{r.text(0),
                           r.text(16),
                           r.text(17),
                           r.text(18),
                           unseal(r.text(19), "open311_requests", "address_string", r.text(0)),
                           unseal(r.text(20), "open311_requests", "email", r.text(0)),
                           unseal(r.text(21), "open311_requests", "phone", r.text(0)),
                           r.text(22),
                           r.text(23),
                           r.text(24),
                           r.text(25),
                           r.text(26)};
  return out;
}

}  // namespace

void insert_open311_key(SqlConnection& db, const Open311KeyRecord& k) {
  db.execute(kInsertKey, {k.id, k.key_hash, k.label, k.issued_by, k.issued_at, k.revoked_at});
}

std::optional<Open311KeyRecord> find_open311_key_by_hash(SqlConnection& db,
                                                         const std::string& key_hash) {
  const auto row = db.query_one(kFindKey, {key_hash});
  if (!row) return std::nullopt;
  return Open311KeyRecord{row->text(0), row->text(1), row->text(2),
                          row->text(3), row->text(4), row->text(5)};
}

bool revoke_open311_key(SqlConnection& db, const std::string& id, const std::string& at) {
  return db.execute(kRevokeKey, {at, id}) == 1;
}

void insert_open311_request(SqlConnection& db, const Open311RequestRecord& r) {
  db.execute(kInsertRequest,
             {r.feedback_id, r.service_code, r.lat, r.lon,
              seal(r.address_string, "open311_requests", "address_string", r.feedback_id),
              seal(r.email, "open311_requests", "email", r.feedback_id),
              seal(r.phone, "open311_requests", "phone", r.feedback_id), r.device_id, r.account_id,
              r.media_url, r.attributes, r.api_key_id});
}

std::vector<Open311Row> list_open311_requests(SqlConnection& db, const Open311Filter& filter) {
  // Only fixed clauses and '?' placeholders are appended; every value stays a parameter.
  std::string sql = kSelectRows;
  std::vector<SqlValue> params;
  if (!filter.codes.empty()) {
    sql += " AND f.code IN (";
    for (std::size_t i = 0; i < filter.codes.size(); ++i) {
      sql += i == 0 ? "?" : ", ?";
      params.emplace_back(filter.codes[i]);
    }
    sql += ")";
  }
  if (!filter.service_code.empty()) {
    sql += " AND o.service_code = ?";
    params.emplace_back(filter.service_code);
  }
  // GeoReport's two states over the feedback lifecycle (migration 0043): open while the agency
  // still owes a step (received, waiting for the sender's information, or an answer held for a
  // leader's review), closed otherwise.
  if (filter.feedback_status == "open")
    sql += " AND f.status IN ('received', 'info_requested', 'held_for_review')";
  if (filter.feedback_status == "closed")
    sql += " AND f.status NOT IN ('received', 'info_requested', 'held_for_review')";
  if (!filter.from.empty()) {
    sql += " AND f.received_at >= ?";
    params.emplace_back(filter.from);
  }
  if (!filter.to.empty()) {
    sql += " AND f.received_at <= ?";
    params.emplace_back(filter.to);
  }
  sql += " ORDER BY f.received_at DESC, f.id LIMIT ?";
  params.emplace_back(std::int64_t{filter.limit});
  std::vector<Open311Row> out;
  for (const auto& row : db.query(sql, params)) out.push_back(from_row(row));
  return out;
}

}  // namespace motcua::store
