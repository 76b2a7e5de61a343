#include "store/dossier_repository.hpp"

#include "store/dossier_times.hpp"
#include "store/personal_data.hpp"

namespace motcua::store {

namespace {

constexpr const char* kColumns =
    "id, code, procedure_code, procedure_version, variant, receiving_unit_id, agency_id, "
    "applicant_id, applicant_name, applicant_folded, channel, status, assignee_id, current_step, "
    "submitted_s, submitted_text, received_s, received_text, due_s, due_766_s, finished_s, "
    "finished_text, version, document, created_s, created_text, updated_s, updated_text";

// The number of kColumns.
constexpr std::size_t kColumnCount = 28;

constexpr const char* kNextSequence =
    "INSERT INTO dossier_sequences(agency_code, day, last) VALUES (?, ?, 1) "
    "ON CONFLICT(agency_code, day) DO UPDATE SET last = dossier_sequences.last + 1 RETURNING last";

constexpr const char* kSubtree =
    "WITH RECURSIVE sub(id) AS (SELECT ? UNION ALL "
    "SELECT a.id FROM agencies a JOIN sub ON a.parent_id = sub.id) SELECT id FROM sub";

SqlValue opt(const std::optional<std::string>& v) { return v ? SqlValue(*v) : SqlValue(nullptr); }
SqlValue opt(const std::optional<std::int64_t>& v) { return v ? SqlValue(*v) : SqlValue(nullptr); }

// The position of `document` in kColumns and values_of.
constexpr std::size_t kDocumentColumn = 23;

// With `without_form`, the form's place holds NULL: nothing is packed nor sealed.
std::vector<SqlValue> values_of(const DossierRecord& r, bool without_form = false) {
  // Times as seconds plus the text when not canonical (migration 0068, store/dossier_times.hpp).
  const auto submitted = stored_time(r.submitted_at), received = stored_time(r.received_at),
             finished = stored_time(r.finished_at), created = stored_time(r.created_at),
             updated = stored_time(r.updated_at);
  return {r.id, opt(r.code), r.procedure_code, r.procedure_version, r.variant,
          opt(r.receiving_unit_id), r.agency_id, opt(r.applicant_id), r.applicant_name,
          r.applicant_folded, r.channel, r.status, opt(r.assignee_id), r.current_step,
          submitted.seconds, submitted.text, received.seconds, received.text, opt(r.due_s),
          opt(r.due_766_s), finished.seconds, finished.text, r.version,
          // The application form holds the applicant's ID number, phone and address: sealed at
          // rest like the other personal data (store/personal_data.hpp), as bytes (migration
          // 0064).
          without_form ? SqlValue(nullptr) : seal_bytes(r.document, "dossiers", "document", r.id),
          created.seconds, created.text, updated.seconds, updated.text};
}

DossierRecord record_from(const SqlRow& row) {
  DossierRecord r;
  r.id = row.text(0);
  r.code = row.optional_text(1);
  r.procedure_code = row.text(2);
  r.procedure_version = row.integer(3);
  r.variant = row.text(4);
  r.receiving_unit_id = row.optional_text(5);
  r.agency_id = row.text(6);
  r.applicant_id = row.optional_text(7);
  r.applicant_name = row.text(8);
  r.applicant_folded = row.text(9);
  r.channel = row.text(10);
  r.status = row.text(11);
  r.assignee_id = row.optional_text(12);
  r.current_step = row.text(13);
  const auto time = [&row](std::size_t i) {
    return time_from(row.values.at(i), row.values.at(i + 1));
  };
  r.submitted_at = time(14);
  r.received_at = time(16);
  r.due_s = row.optional_integer(18);
  r.due_766_s = row.optional_integer(19);
  r.finished_at = time(20);
  r.version = row.integer(22);
  r.document = unseal_stored(row.values.at(23), "dossiers", "document", r.id);
  r.created_at = time(24).value_or("");
  r.updated_at = time(26).value_or("");
  return r;
}

std::string placeholders(std::size_t n) {
  std::string s;
  for (std::size_t i = 0; i < n; ++i) s += i == 0 ? "?" : ", ?";
  return s;
}

}  // namespace

void insert_dossier(SqlConnection& db, const DossierRecord& r) {
  // The integer key the event rows keep (migration 0063). PostgreSQL takes it from the column's
  // identity; SQLite (one writer) takes the next one here, in the same statement, so that the
  // row is written once rather than fixed by the migration's trigger.
  const bool sqlite = db.dialect() == Dialect::sqlite;
  db.execute(std::string("INSERT INTO dossiers(") + kColumns + (sqlite ? ", key" : "") +
                 ") VALUES (" + placeholders(kColumnCount) +
                 (sqlite ? ", (SELECT COALESCE(MAX(key), 0) + 1 FROM dossiers)" : "") + ")",
             values_of(r));
}

void update_dossier(SqlConnection& db, const DossierRecord& r, FormWrite form) {
  // The id goes last, in the WHERE clause.
  const bool keep = form == FormWrite::keep;
  const auto all = values_of(r, keep);
  std::vector<SqlValue> values(std::next(all.begin()), all.end());
  if (keep) values.erase(values.begin() + kDocumentColumn - 1);
  values.emplace_back(r.id);
  values.emplace_back(r.version - 1);
  // The columns around the form's, in kColumns' order; the form's own only when it is written.
  static const std::string kHead =
      "UPDATE dossiers SET code = ?, procedure_code = ?, procedure_version = ?, variant = ?, "
      "receiving_unit_id = ?, agency_id = ?, applicant_id = ?, applicant_name = ?, "
      "applicant_folded = ?, channel = ?, status = ?, assignee_id = ?, current_step = ?, "
      "submitted_s = ?, submitted_text = ?, received_s = ?, received_text = ?, due_s = ?, "
      "due_766_s = ?, finished_s = ?, finished_text = ?, version = ?, ";
  static const std::string kTail =
      "created_s = ?, created_text = ?, updated_s = ?, updated_text = ? WHERE id = ? AND "
      "version = ?";
  static const std::string kKeepingForm = kHead + kTail;
  static const std::string kWritingForm = kHead + "document = ?, " + kTail;
  const auto changed = db.execute(keep ? kKeepingForm : kWritingForm, values);
  if (changed != 1) throw ConstraintError("dossier " + r.id + " was changed concurrently");
}

std::optional<DossierRecord> find_dossier(SqlConnection& db, const std::string& id) {
  auto row = db.query_one(std::string("SELECT ") + kColumns + " FROM dossiers WHERE id = ?", {id});
  if (!row) return std::nullopt;
  return record_from(*row);
}

std::optional<DossierRecord> find_dossier_by_code(SqlConnection& db, const std::string& code) {
  auto row =
      db.query_one(std::string("SELECT ") + kColumns + " FROM dossiers WHERE code = ?", {code});
  if (!row) return std::nullopt;
  return record_from(*row);
}

std::int64_t next_daily_sequence(SqlConnection& db, const std::string& agency_code,
                                 const std::string& local_day) {
  return db.query_one(kNextSequence, {agency_code, local_day})->integer(0);
}

namespace {

// The conditions of both lists other than agency and status; columns of `dossiers` as `d`. With
// `or_no_due` the due-time range also lets through dossiers without a due time; `due_null` (the
// merge's ranges) picks those with a due time (false) or without (true) instead.
std::string other_conditions(const DossierFilter& f, std::vector<SqlValue>& params,
                             std::optional<bool> due_null = std::nullopt) {
  std::string sql;
  if (f.applicant_id) {
    sql += " AND d.applicant_id = ?";
    params.emplace_back(*f.applicant_id);
  }
  if (f.assignee_id) {
    sql += " AND d.assignee_id = ?";
    params.emplace_back(*f.assignee_id);
  }
  if (!f.excluded_statuses.empty()) {
    sql += " AND d.status NOT IN (" + placeholders(f.excluded_statuses.size()) + ")";
    for (const auto& s : f.excluded_statuses) params.emplace_back(s);
  }
  if (due_null && *due_null) {
    sql += " AND d.due_s IS NULL";
  } else if (f.due || due_null) {
    std::string range;
    if (f.due && f.due->at_least) {
      range = "d.due_s >= ?";
      params.emplace_back(*f.due->at_least);
    }
    if (f.due && f.due->at_most) {
      range += range.empty() ? "d.due_s <= ?" : " AND d.due_s <= ?";
      params.emplace_back(*f.due->at_most);
    }
    if (range.empty()) range = "d.due_s IS NOT NULL";
    const bool or_no_due = !due_null && f.due->or_no_due;
    sql += or_no_due ? " AND ((" + range + ") OR d.due_s IS NULL)" : " AND " + range;
  }
  if (!f.applicant_folded_like.empty()) {
    sql += " AND d.applicant_folded LIKE ?";
    params.emplace_back("%" + f.applicant_folded_like + "%");
  }
  if (!f.procedure_code.empty()) {
    sql += " AND d.procedure_code = ?";
    params.emplace_back(f.procedure_code);
  }
  return sql;
}

constexpr const char* kListOrder = " ORDER BY d.due_s IS NULL, d.due_s, d.created_s";

// The page's keys among every matching dossier: sorts all their index entries.
std::string keys_by_sorting(const std::string& key, const DossierFilter& f,
                            std::vector<SqlValue>& params) {
  std::string sql = "SELECT " + key + " FROM dossiers d WHERE 1 = 1";
  if (!f.agency_ids.empty()) {
    sql += " AND d.agency_id IN (" + placeholders(f.agency_ids.size()) + ")";
    for (const auto& a : f.agency_ids) params.emplace_back(a);
  }
  if (!f.statuses.empty()) {
    sql += " AND d.status IN (" + placeholders(f.statuses.size()) + ")";
    for (const auto& s : f.statuses) params.emplace_back(s);
  }
  sql += other_conditions(f, params) + kListOrder + " LIMIT ?";
  params.emplace_back(std::int64_t{f.limit});
  return sql;
}

// At most this many index ranges are merged; a wider scope (the provincial centre's hundreds of
// agencies) sorts instead.
constexpr std::size_t kMaxMergedRanges = 64;

// The page's keys as a merge of ordered index ranges, one per (agency, status, with a due time or
// without): each range is read in index order and stops at the page size, so the cost does not
// grow with the unit's open dossiers (a backlog of thousands reads at most ranges x limit index
// entries).
std::string keys_by_merging(const std::string& key, const DossierFilter& f,
                            std::vector<SqlValue>& params) {
  // Dossiers with a due time always have a range; those without one only when the filter lets them.
  const bool without_due = !f.due || f.due->or_no_due;
  std::string ranges;
  int n = 0;
  const auto range = [&](const std::string& agency, const std::string& status, bool due_null) {
    ranges += ranges.empty() ? "" : " UNION ALL ";
    ranges += "SELECT * FROM (SELECT " + key +
              " AS k, d.due_s AS due, d.created_s AS created FROM dossiers d WHERE "
              "d.agency_id = ? AND d.status = ?";
    params.emplace_back(agency);
    params.emplace_back(status);
    ranges += other_conditions(f, params, due_null);
    ranges += due_null ? " ORDER BY d.created_s LIMIT ?" : " ORDER BY d.due_s, d.created_s LIMIT ?";
    params.emplace_back(std::int64_t{f.limit});
    ranges += ") r" + std::to_string(++n);
  };
  for (const auto& agency : f.agency_ids) {
    for (const auto& status : f.statuses) {
      range(agency, status, false);
      if (without_due) range(agency, status, true);
    }
  }
  params.emplace_back(std::int64_t{f.limit});
  return "SELECT k FROM (" + ranges + ") u ORDER BY u.due IS NULL, u.due, u.created LIMIT ?";
}

// The WHERE, ORDER BY and LIMIT of both lists, as a condition on the outer `dossiers d`: the
// page's keys are chosen first from index entries alone (dossiers_queue: agency_id, status,
// due_s, created_s, migrations 0060 and 0068; on SQLite the rowid is in every entry), then only the
// page's rows are read. At 500,000 dossiers a commune with 5,468 open ones took 20 ms to read them
// all (docs/performance.md "Work queue from the index").
std::string list_conditions(const SqlConnection& db, const DossierFilter& f,
                            std::vector<SqlValue>& params) {
  // PostgreSQL has no rowid; its primary key plays the part.
  const std::string key = db.dialect() == Dialect::postgres ? "d.id" : "d.rowid";
  const std::size_t ranges = f.agency_ids.size() * f.statuses.size() * 2;
  const bool merge = ranges > 0 && ranges <= kMaxMergedRanges && f.excluded_statuses.empty();
  const std::string keys =
      merge ? keys_by_merging(key, f, params) : keys_by_sorting(key, f, params);
  return " WHERE " + key + " IN (" + keys + ")" + kListOrder;
}

// kColumns of `dossiers d` with the form left out when the catalogue names the procedure, then the
// catalogue's name.
constexpr const char* kListColumns =
    "d.id, d.code, d.procedure_code, d.procedure_version, d.variant, d.receiving_unit_id, "
    "d.agency_id, d.applicant_id, d.applicant_name, d.applicant_folded, d.channel, d.status, "
    "d.assignee_id, d.current_step, d.submitted_s, d.submitted_text, d.received_s, "
    "d.received_text, d.due_s, d.due_766_s, d.finished_s, d.finished_text, d.version, "
    "CASE WHEN p.name IS NULL THEN d.document ELSE '' END, d.created_s, d.created_text, "
    "d.updated_s, d.updated_text, COALESCE(p.name, '')";

}  // namespace

std::vector<DossierRecord> list_dossiers(SqlConnection& db, const DossierFilter& f) {
  std::vector<SqlValue> params;
  const std::string sql =
      std::string("SELECT ") + kColumns + " FROM dossiers d" + list_conditions(db, f, params);
  std::vector<DossierRecord> out;
  for (const auto& row : db.query(sql, params)) out.push_back(record_from(row));
  return out;
}

std::vector<DossierListRow> list_dossier_rows(SqlConnection& db, const DossierFilter& f) {
  std::vector<SqlValue> params;
  const std::string sql = std::string("SELECT ") + kListColumns +
                          " FROM dossiers d LEFT JOIN procedures p ON p.code = d.procedure_code "
                          "AND p.version = d.procedure_version" +
                          list_conditions(db, f, params);
  std::vector<DossierListRow> out;
  for (const auto& row : db.query(sql, params))
    out.push_back({record_from(row), row.text(kColumnCount)});
  return out;
}

std::optional<DossierListRow> find_dossier_row_by_code(SqlConnection& db, const std::string& code) {
  const auto row = db.query_one(std::string("SELECT ") + kListColumns +
                                    " FROM dossiers d LEFT JOIN procedures p ON p.code = "
                                    "d.procedure_code AND p.version = d.procedure_version "
                                    "WHERE d.code = ?",
                                {code});
  if (!row) return std::nullopt;
  return DossierListRow{record_from(*row), row->text(kColumnCount)};
}

void set_dossier_applicant_id(SqlConnection& db, const std::string& dossier_id,
                              const std::string& id_number) {
  if (id_number.empty()) {
    db.execute("DELETE FROM dossier_applicant_ids WHERE dossier_id = ?", {dossier_id});
    return;
  }
  db.execute(
      "INSERT INTO dossier_applicant_ids(dossier_id, id_number, id_number_hash) VALUES (?, ?, ?) "
      "ON CONFLICT(dossier_id) DO UPDATE SET id_number = excluded.id_number, "
      "id_number_hash = excluded.id_number_hash",
      {dossier_id, seal(id_number, "dossier_applicant_ids", "id_number", dossier_id),
       lookup_hash(id_number)});
}

std::vector<DossierRecord> dossiers_of_applicant_id(SqlConnection& db, const std::string& id_number,
                                                    int limit) {
  const std::string sql = std::string("SELECT ") + kColumns +
                          " FROM dossiers JOIN dossier_applicant_ids k ON k.dossier_id = "
                          "dossiers.id WHERE (k.id_number_hash = ? OR k.id_number_hash = ?) "
                          "ORDER BY created_s DESC, id LIMIT ?";
  // The ID number is sealed: found by its keyed hash (current key, or the retiring one).
  const auto [hash, old_hash] = lookup_hash_pair(id_number);
  if (hash.empty()) return {};
  std::vector<DossierRecord> out;
  for (const auto& row : db.query(sql, {hash, old_hash, std::int64_t{limit}}))
    out.push_back(record_from(row));
  return out;
}

std::vector<std::string> agency_subtree(SqlConnection& db, const std::string& root) {
  std::vector<std::string> ids;
  for (const auto& row : db.query(kSubtree, {root})) ids.push_back(row.text(0));
  return ids;
}

}  // namespace motcua::store
