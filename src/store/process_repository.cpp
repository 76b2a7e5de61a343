#include "store/process_repository.hpp"

namespace motcua::store {

namespace {

constexpr const char* kColumns =
    "id, version, procedure_code, agency_id, document, updated_by, updated_at";

constexpr const char* kInsert =
    "INSERT INTO processes(id, version, procedure_code, agency_id, document, updated_by, "
    "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)";

ProcessRow row_from(const SqlRow& r) {
  return ProcessRow{r.text(0), r.integer(1), r.text(2), r.text(3), r.text(4), r.text(5), r.text(6)};
}

std::optional<ProcessRow> one(SqlConnection& db, const std::string& sql,
                              const std::vector<SqlValue>& params) {
  const auto row = db.query_one(sql, params);
  if (!row) return std::nullopt;
  return row_from(*row);
}

}  // namespace

void insert_process(SqlConnection& db, const ProcessRow& r) {
  db.execute(kInsert, {r.id, r.version, r.procedure_code, r.agency_id, r.document, r.updated_by,
                       r.updated_at});
}

std::optional<ProcessRow> latest_process(SqlConnection& db, const std::string& id) {
  return one(db,
             std::string("SELECT ") + kColumns +
                 " FROM processes WHERE id = ? ORDER BY version DESC LIMIT 1",
             {id});
}

std::optional<ProcessRow> process_version(SqlConnection& db, const std::string& id,
                                          std::int64_t version) {
  return one(db, std::string("SELECT ") + kColumns + " FROM processes WHERE id = ? AND version = ?",
             {id, version});
}

std::vector<ProcessRow> list_latest_processes(SqlConnection& db, const std::string& procedure_code,
                                              const std::string& agency_id) {
  const std::string sql =
      std::string("SELECT ") + kColumns +
      " FROM processes p WHERE version = (SELECT MAX(version) FROM processes q WHERE q.id = p.id) "
      "AND (? = '' OR procedure_code = ?) AND (? = '' OR agency_id = ?) ORDER BY id LIMIT 1000";
  std::vector<ProcessRow> out;
  for (const auto& row : db.query(sql, {procedure_code, procedure_code, agency_id, agency_id})) {
    out.push_back(row_from(row));
  }
  return out;
}

std::optional<ProcessRow> process_in_force(SqlConnection& db, const std::string& procedure_code,
                                           const std::string& agency_id) {
  return one(db,
             std::string("SELECT ") + kColumns +
                 " FROM processes WHERE procedure_code = ? AND agency_id = ? "
                 "ORDER BY updated_at DESC, version DESC, id LIMIT 1",
             {procedure_code, agency_id});
}

}  // namespace motcua::store
