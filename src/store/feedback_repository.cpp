#include "store/feedback_repository.hpp"

#include "store/personal_data.hpp"

namespace motcua::store {

namespace {

constexpr const char* kColumns =
    "SELECT id, code, name, contact, procedure_code, procedure_name, agency_id, content, status, "
    "received_at, answer_due, answer, legal_reference, answer_folded, answered_by, answered_at, "
    "channel, kind, entered_by, clock_started_at, paused_seconds, rejected_at, reject_reason, "
    "info_requested_at, info_request, info_supplied_at, info_supplied, forwarded_at, "
    "forward_target, forward_reason, forwarded_from, published_at, published_folded, rating, "
    "rating_comment, rated_at, answer_working_days FROM feedback ";
constexpr const char* kInsert =
    "INSERT INTO feedback(id, code, name, contact, contact_hash, procedure_code, procedure_name, "
    "agency_id, content, status, received_at, answer_due, channel, kind, entered_by, "
    "clock_started_at, answer_working_days) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
    "?, ?)";
constexpr const char* kLifecycle =
    "UPDATE feedback SET status = ?, agency_id = ?, answer_due = ?, kind = ?, clock_started_at = "
    "?, paused_seconds = ?, rejected_at = ?, reject_reason = ?, info_requested_at = ?, "
    "info_request = ?, info_supplied_at = ?, info_supplied = ?, forwarded_at = ?, forward_target = "
    "?, forward_reason = ?, forwarded_from = ?, published_at = ?, published_folded = ?, rating = "
    "?, rating_comment = ?, rated_at = ? WHERE id = ? AND status = ?";
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
  FeedbackRecord f;
  f.id = r.text(0);
  f.code = r.text(1);
  f.name = r.text(2);
  // Sealed at rest and bound to the row (store/personal_data.hpp).
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
  f.channel = r.text(16);
  f.kind = r.text(17);
  f.entered_by = r.text(18);
  f.clock_started_at = r.text(19);
  f.paused_seconds = r.integer(20);
  f.rejected_at = r.text(21);
  f.reject_reason = r.text(22);
  f.info_requested_at = r.text(23);
  f.info_request = r.text(24);
  f.info_supplied_at = r.text(25);
  f.info_supplied = r.text(26);
  f.forwarded_at = r.text(27);
  f.forward_target = r.text(28);
  f.forward_reason = r.text(29);
  f.forwarded_from = r.text(30);
  f.published_at = r.text(31);
  f.published_folded = r.text(32);
  f.rating = r.text(33);
  f.rating_comment = r.text(34);
  f.rated_at = r.text(35);
  f.answer_working_days = r.integer(36);
  return f;
}

}  // namespace

void insert_feedback(SqlConnection& db, const FeedbackRecord& f) {
  // The sender's phone or email is sealed, with a keyed hash for the right-of-access lookup.
  db.execute(kInsert, {f.id, f.code, f.name, seal(f.contact, "feedback", "contact", f.id),
                       lookup_hash(f.contact), f.procedure_code, f.procedure_name, f.agency_id,
                       f.content, f.status, f.received_at, f.answer_due, f.channel, f.kind,
                       f.entered_by, f.clock_started_at, f.answer_working_days});
}

bool update_feedback_lifecycle(SqlConnection& db, const FeedbackRecord& f,
                               const std::string& expected_status) {
  return db.execute(kLifecycle, {f.status,
                                 f.agency_id,
                                 f.answer_due,
                                 f.kind,
                                 f.clock_started_at,
                                 f.paused_seconds,
                                 f.rejected_at,
                                 f.reject_reason,
                                 f.info_requested_at,
                                 f.info_request,
                                 f.info_supplied_at,
                                 f.info_supplied,
                                 f.forwarded_at,
                                 f.forward_target,
                                 f.forward_reason,
                                 f.forwarded_from,
                                 f.published_at,
                                 f.published_folded,
                                 f.rating,
                                 f.rating_comment,
                                 f.rated_at,
                                 f.id,
                                 expected_status}) == 1;
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

std::vector<FeedbackRecord> search_published_feedback(SqlConnection& db,
                                                      const std::vector<std::string>& folded_words,
                                                      const std::string& procedure_code,
                                                      const std::vector<std::string>& agency_ids,
                                                      int limit) {
  // Only fixed fragments and '?' placeholders are appended; every value stays a parameter.
  std::string sql = std::string(kColumns) + "WHERE status = 'published'";
  std::vector<SqlValue> params;
  for (const auto& w : folded_words) {
    sql += " AND published_folded LIKE ?";
    params.emplace_back("%" + w + "%");
  }
  if (!procedure_code.empty()) {
    sql += " AND procedure_code = ?";
    params.emplace_back(procedure_code);
  }
  if (!agency_ids.empty()) {
    sql += " AND agency_id IN (";
    for (std::size_t i = 0; i < agency_ids.size(); ++i) {
      sql += i == 0 ? "?" : ", ?";
      params.emplace_back(agency_ids[i]);
    }
    sql += ")";
  }
  sql += " ORDER BY published_at DESC, id LIMIT ?";
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
