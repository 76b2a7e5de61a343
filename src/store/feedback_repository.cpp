#include "store/feedback_repository.hpp"

namespace motcua::store {

namespace {

constexpr const char* kColumns =
    "SELECT id, code, name, contact, procedure_code, procedure_name, agency_id, content, status, "
    "received_at, answer_due, answer, legal_reference, answer_folded, answered_by, answered_at "
    "FROM feedback ";
constexpr const char* kInsert =
    "INSERT INTO feedback(id, code, name, contact, procedure_code, procedure_name, agency_id, "
    "content, status, received_at, answer_due) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
constexpr const char* kAnswer =
    "UPDATE feedback SET status = 'answered', answer = ?, legal_reference = ?, answer_folded = ?, "
    "answered_by = ?, answered_at = ? WHERE id = ? AND status = 'received'";
// The top-level agency the installation's administrators are granted.
constexpr const char* kServedProvince =
    "SELECT a.id FROM user_roles r JOIN agencies a ON a.id = r.agency_id WHERE r.role = "
    "'administrator' AND a.parent_id IS NULL ORDER BY a.id LIMIT 1";
constexpr const char* kRecentAnswers =
    "SELECT id, code, answer_folded FROM feedback WHERE status = 'answered' ORDER BY answered_at "
    "DESC LIMIT ?";

FeedbackRecord from_row(const SqlRow& r) {
  return FeedbackRecord{
      r.text(0),           r.text(1),           r.text(2),           r.text(3),
      r.text(4),           r.text(5),           r.text(6),           r.text(7),
      r.text(8),           r.text(9),           r.text(10),          r.optional_text(11),
      r.optional_text(12), r.optional_text(13), r.optional_text(14), r.optional_text(15)};
}

}  // namespace

void insert_feedback(SqlConnection& db, const FeedbackRecord& f) {
  db.execute(kInsert, {f.id, f.code, f.name, f.contact, f.procedure_code, f.procedure_name,
                       f.agency_id, f.content, f.status, f.received_at, f.answer_due});
}

bool record_answer(SqlConnection& db, const FeedbackRecord& f) {
  return db.execute(kAnswer, {f.answer.value_or(""), f.legal_reference.value_or(""),
                              f.answer_folded.value_or(""), f.answered_by.value_or(""),
                              f.answered_at.value_or(""), f.id}) == 1;
}

std::optional<FeedbackRecord> find_feedback(SqlConnection& db, const std::string& id) {
  const auto row = db.query_one(std::string(kColumns) + "WHERE id = ?", {id});
  if (!row) return std::nullopt;
  return from_row(*row);
}

std::optional<FeedbackRecord> find_feedback_by_code(SqlConnection& db, const std::string& code) {
  const auto row = db.query_one(std::string(kColumns) + "WHERE code = ?", {code});
  if (!row) return std::nullopt;
  return from_row(*row);
}

std::vector<FeedbackRecord> list_feedback(SqlConnection& db,
                                          const std::vector<std::string>& agency_ids,
                                          const std::string& status, int limit) {
  if (agency_ids.empty()) return {};
  // Only '?' placeholders are built here, one per agency id; every value stays a parameter.
  std::string sql = std::string(kColumns) + "WHERE agency_id IN (";
  std::vector<SqlValue> params;
  for (std::size_t i = 0; i < agency_ids.size(); ++i) {
    sql += i == 0 ? "?" : ", ?";
    params.emplace_back(agency_ids[i]);
  }
  sql += ")";
  if (!status.empty()) {
    sql += " AND status = ?";
    params.emplace_back(status);
  }
  sql += " ORDER BY received_at, id LIMIT ?";
  params.emplace_back(std::int64_t{limit});
  std::vector<FeedbackRecord> out;
  for (const auto& row : db.query(sql, params)) out.push_back(from_row(row));
  return out;
}

std::vector<EarlierAnswer> recent_answers(SqlConnection& db, int limit) {
  std::vector<EarlierAnswer> out;
  for (const auto& row : db.query(kRecentAnswers, {std::int64_t{limit}})) {
    out.push_back({row.text(0), row.text(1), row.optional_text(2).value_or("")});
  }
  return out;
}

std::optional<std::string> served_province(SqlConnection& db) {
  const auto row = db.query_one(kServedProvince);
  if (!row) return std::nullopt;
  return row->text(0);
}

}  // namespace motcua::store
