#include "store/consultation_repository.hpp"

namespace motcua::store {

namespace {

constexpr const char* kColumns =
    "SELECT id, dossier_id, agency_id, agency_code, question, shared_papers, asked_by, asked_at, "
    "asked_s, due_at, due_s, answer, replied_by, replied_at, replied_s, late FROM consultations ";
constexpr const char* kInsert =
    "INSERT INTO consultations(id, dossier_id, agency_id, agency_code, question, shared_papers, "
    "asked_by, asked_at, asked_s, due_at, due_s) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
constexpr const char* kReply =
    "UPDATE consultations SET answer = ?, replied_by = ?, replied_at = ?, replied_s = ?, late = ? "
    "WHERE id = ? AND replied_s IS NULL";

ConsultationRecord from_row(const SqlRow& r) {
  return ConsultationRecord{r.text(0),           r.text(1),           r.text(2),
                            r.text(3),           r.text(4),           r.text(5),
                            r.text(6),           r.text(7),           r.integer(8),
                            r.text(9),           r.integer(10),       r.optional_text(11),
                            r.optional_text(12), r.optional_text(13), r.optional_integer(14),
                            r.integer(15) != 0};
}

}  // namespace

void insert_consultation(SqlConnection& db, const ConsultationRecord& c) {
  db.execute(kInsert, {c.id, c.dossier_id, c.agency_id, c.agency_code, c.question, c.shared_papers,
                       c.asked_by, c.asked_at, c.asked_s, c.due_at, c.due_s});
}

bool record_consultation_reply(SqlConnection& db, const ConsultationRecord& c) {
  return db.execute(kReply,
                    {c.answer.value_or(""), c.replied_by.value_or(""), c.replied_at.value_or(""),
                     c.replied_s.value_or(0), std::int64_t{c.late ? 1 : 0}, c.id}) == 1;
}

std::optional<ConsultationRecord> find_consultation(SqlConnection& db, const std::string& id) {
  const auto row = db.query_one(std::string(kColumns) + "WHERE id = ?", {id});
  if (!row) return std::nullopt;
  return from_row(*row);
}

std::vector<ConsultationRecord> consultations_of(SqlConnection& db, const std::string& dossier_id) {
  std::vector<ConsultationRecord> out;
  for (const auto& row :
       db.query(std::string(kColumns) + "WHERE dossier_id = ? ORDER BY asked_s, id", {dossier_id}))
    out.push_back(from_row(row));
  return out;
}

std::vector<ConsultationRecord> consultations_to(SqlConnection& db,
                                                 const std::vector<std::string>& agency_ids,
                                                 bool open_only, int limit) {
  if (agency_ids.empty()) return {};
  // Only '?' placeholders are built here, one per agency id; every value stays a parameter.
  std::string sql = std::string(kColumns) + "WHERE agency_id IN (";
  std::vector<SqlValue> params;
  for (std::size_t i = 0; i < agency_ids.size(); ++i) {
    sql += i == 0 ? "?" : ", ?";
    params.emplace_back(agency_ids[i]);
  }
  sql += ")";
  if (open_only) sql += " AND replied_s IS NULL";
  sql += " ORDER BY due_s, id LIMIT ?";
  params.emplace_back(std::int64_t{limit});
  std::vector<ConsultationRecord> out;
  for (const auto& row : db.query(sql, params)) out.push_back(from_row(row));
  return out;
}

}  // namespace motcua::store
