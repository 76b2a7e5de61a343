#include "store/table_copy.hpp"

#include <algorithm>
#include <cctype>
#include <limits>
#include <map>
#include <regex>
#include <set>

#include "store/event_log.hpp"

namespace motcua::store {

namespace {

// Identifiers are quoted: both engines accept "name", and a column may be a keyword ("key").
std::string quoted(const std::string& identifier) {
  std::string out = "\"";
  for (char c : identifier) {
    out += c;
    if (c == '"') out += '"';
  }
  return out + "\"";
}

std::string column_list(const TableShape& t) {
  std::string out;
  for (const auto& c : t.columns) out += (out.empty() ? "" : ", ") + quoted(c);
  return out;
}

std::string insert_statement(const TableShape& t) {
  std::string marks;
  for (std::size_t i = 0; i < t.columns.size(); ++i) marks += i == 0 ? "?" : ", ?";
  return "INSERT INTO " + quoted(t.name) + " (" + column_list(t) + ") VALUES (" + marks + ")";
}

std::string upper(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::toupper(c); });
  return s;
}

// The tables that a trigger of the schema inserts into (INSERT [OR ...] INTO name).
std::set<std::string> trigger_targets(SqlConnection& sqlite) {
  std::set<std::string> out;
  static const std::regex into(R"(\bINTO\s+["`\[]?(\w+))", std::regex::icase);
  for (const auto& row :
       sqlite.query("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND sql IS NOT NULL")) {
    const std::string sql = row.text(0);
    for (auto it = std::sregex_iterator(sql.begin(), sql.end(), into); it != std::sregex_iterator();
         ++it) {
      out.insert((*it)[1].str());
    }
  }
  return out;
}

TableShape describe(SqlConnection& sqlite, const std::string& name, const std::string& create_sql) {
  TableShape t;
  t.name = name;
  t.has_rowid = upper(create_sql).find("WITHOUT ROWID") == std::string::npos;
  std::vector<std::pair<std::string, std::string>> key_columns;  // name, declared type
  for (const auto& row :
       sqlite.query("SELECT name, type, pk FROM pragma_table_info(?) ORDER BY cid", {name})) {
    t.columns.push_back(row.text(0));
    if (row.integer(2) > 0) key_columns.emplace_back(row.text(0), upper(row.text(1)));
  }
  if (t.has_rowid && key_columns.size() == 1 && key_columns.front().second == "INTEGER") {
    t.integer_key = key_columns.front().first;
  }
  for (const auto& row : sqlite.query(
           "SELECT \"table\", \"from\", \"to\" FROM pragma_foreign_key_list(?) ORDER BY id, seq",
           {name})) {
    ForeignKey fk{row.text(1), row.text(0), row.optional_text(2).value_or("")};
    // REFERENCES parent (no column) means the parent's primary key.
    if (fk.parent_column.empty() && fk.parent_table == name && !key_columns.empty()) {
      fk.parent_column = key_columns.front().first;
    }
    t.foreign_keys.push_back(std::move(fk));
  }
  return t;
}

std::string value_key(const SqlValue& v) {
  if (const auto* n = std::get_if<std::int64_t>(&v)) return "i" + std::to_string(*n);
  if (const auto* d = std::get_if<double>(&v)) return "d" + std::to_string(*d);
  if (const auto* s = std::get_if<std::string>(&v)) return "s" + *s;
  if (const auto* b = std::get_if<Bytes>(&v)) return "b" + b->data;
  return "null";
}

std::size_t column_index(const TableShape& t, const std::string& column) {
  const auto it = std::find(t.columns.begin(), t.columns.end(), column);
  if (it == t.columns.end()) throw StoreError("table " + t.name + " has no column " + column);
  return static_cast<std::size_t>(it - t.columns.begin());
}

// A table that references itself (agencies.parent_id) must receive a parent before its children:
// the target checks each foreign key at the end of each statement, and PostgreSQL's are not
// deferrable. Orders the rows so that every referenced row comes first.
std::vector<SqlRow> parents_first(const TableShape& t, std::vector<SqlRow> rows) {
  std::vector<std::pair<std::size_t, std::size_t>> links;  // child column, parent column
  for (const auto& fk : t.foreign_keys) {
    if (fk.parent_table == t.name) {
      links.emplace_back(column_index(t, fk.column), column_index(t, fk.parent_column));
    }
  }
  if (links.empty()) return rows;
  std::set<std::string> present, placed;
  for (const auto& row : rows) {
    for (const auto& [child, parent] : links) present.insert(value_key(row.values[parent]));
  }
  std::vector<SqlRow> ordered;
  ordered.reserve(rows.size());
  while (!rows.empty()) {
    std::vector<SqlRow> waiting;
    for (auto& row : rows) {
      const bool ready = std::all_of(links.begin(), links.end(), [&](const auto& link) {
        const auto& ref = row.values[link.first];
        const auto key = value_key(ref);
        return std::holds_alternative<std::nullptr_t>(ref) || placed.contains(key) ||
               !present.contains(key);
      });
      if (ready) {
        for (const auto& [child, parent] : links) placed.insert(value_key(row.values[parent]));
        ordered.push_back(std::move(row));
      } else {
        waiting.push_back(std::move(row));
      }
    }
    if (waiting.size() == rows.size()) {
      // A cycle among the rows: the target will refuse them and say which constraint failed.
      for (auto& row : waiting) ordered.push_back(std::move(row));
      break;
    }
    rows = std::move(waiting);
  }
  return ordered;
}

bool references_itself(const TableShape& t) {
  return std::any_of(t.foreign_keys.begin(), t.foreign_keys.end(),
                     [&](const ForeignKey& fk) { return fk.parent_table == t.name; });
}

class BatchWriter {
 public:
  BatchWriter(Store& target, const TableShape& t, std::size_t batch_rows)
      : target_(target), table_(t), insert_(insert_statement(t)), batch_rows_(batch_rows) {}

  void add(SqlRow row) {
    pending_.push_back(std::move(row));
    if (pending_.size() >= batch_rows_) flush();
  }

  // One write job per batch: a job is one savepoint inside one commit of the target.
  void flush() {
    if (pending_.empty()) return;
    target_.write([&](SqlConnection& db) {
      if (!byte_columns_) byte_columns_ = byte_columns(db);
      for (auto& row : pending_) {
        // A text SQLite kept in a column that is bytea on PostgreSQL (a clear event payload,
        // migration 0067) goes as its bytes: as a text parameter, bytea would parse it as its
        // escaped input form, where a backslash of the JSON means something else.
        for (const auto i : *byte_columns_) {
          if (auto* text = std::get_if<std::string>(&row.values[i])) {
            row.values[i] = Bytes{std::move(*text)};
          }
        }
        db.execute(insert_, row.values);
      }
    });
    rows_ += static_cast<std::int64_t>(pending_.size());
    ++jobs_;
    pending_.clear();
  }

  std::int64_t rows() const { return rows_; }
  std::int64_t jobs() const { return jobs_; }

 private:
  // The positions of the table's bytea columns in the target (none on SQLite).
  std::vector<std::size_t> byte_columns(SqlConnection& db) const {
    std::vector<std::size_t> out;
    if (db.dialect() != Dialect::postgres) return out;
    for (const auto& c :
         db.query("SELECT column_name FROM information_schema.columns WHERE table_schema = "
                  "current_schema() AND table_name = ? AND data_type = 'bytea'",
                  {table_.name})) {
      const auto it = std::find(table_.columns.begin(), table_.columns.end(), c.text(0));
      if (it != table_.columns.end()) {
        out.push_back(static_cast<std::size_t>(it - table_.columns.begin()));
      }
    }
    return out;
  }

  Store& target_;
  const TableShape& table_;
  std::optional<std::vector<std::size_t>> byte_columns_;
  std::string insert_;
  std::size_t batch_rows_;
  std::vector<SqlRow> pending_;
  std::int64_t rows_ = 0;
  std::int64_t jobs_ = 0;
};

void copy_one(SqlConnection& source, const TableShape& t, BatchWriter& out,
              std::size_t batch_rows) {
  const std::string columns = column_list(t);
  if (t.has_rowid && !references_itself(t)) {
    // Pages by rowid (a seek, not an OFFSET that rescans), in insertion order.
    const std::string page = "SELECT rowid, " + columns + " FROM " + quoted(t.name) +
                             " WHERE rowid > ? ORDER BY rowid LIMIT ?";
    std::int64_t last = std::numeric_limits<std::int64_t>::min();
    for (;;) {
      auto rows = source.query(page, {last, static_cast<std::int64_t>(batch_rows)});
      for (auto& row : rows) {
        last = row.integer(0);
        row.values.erase(row.values.begin());
        out.add(std::move(row));
      }
      if (rows.size() < batch_rows) break;
    }
  } else {
    // WITHOUT ROWID and self-referencing tables are small (dirty marks, agencies): read at once.
    auto rows = source.query("SELECT " + columns + " FROM " + quoted(t.name));
    for (auto& row : parents_first(t, std::move(rows))) out.add(std::move(row));
  }
  out.flush();
}

// PostgreSQL hands out identity values from a sequence that the copied rows (inserted with their
// own keys) did not advance: without this the first new event or outbox row would collide with a
// copied one. setval(sequence, MAX + 1, false) makes the next value MAX + 1; pg_get_serial_sequence
// is NULL for a column without a sequence and setval(NULL, ...) is then NULL, not an error. SQLite
// needs nothing: an INTEGER PRIMARY KEY continues after the largest rowid.
void advance_sequences(Store& target, const std::vector<TableShape>& tables) {
  target.write([&](SqlConnection& db) {
    if (db.dialect() != Dialect::postgres) return;
    const auto advance = [&db](const std::string& table, const std::string& column) {
      db.query("SELECT setval(pg_get_serial_sequence(?, ?), (SELECT COALESCE(MAX(" +
                   quoted(column) + "), 0) + 1 FROM " + quoted(table) + "), false)",
               {table, column});
    };
    std::set<std::string> copied;
    for (const auto& t : tables) {
      copied.insert(t.name);
      if (t.integer_key) advance(t.name, *t.integer_key);
    }
    // Identity columns that are not the table's key (dossiers.key, migration 0063: a plain column
    // on SQLite, so no integer_key) carry copied values too.
    for (const auto& c : db.query(
             "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = "
             "current_schema() AND is_identity = 'YES'")) {
      const auto table = c.text(0);
      const auto column = c.text(1);
      const bool is_key = std::any_of(tables.begin(), tables.end(), [&](const TableShape& t) {
        return t.name == table && t.integer_key == column;
      });
      if (copied.contains(table) && !is_key) advance(table, column);
    }
  });
}

}  // namespace

bool CopyReport::counts_equal() const {
  return std::all_of(tables.begin(), tables.end(),
                     [](const TableCopied& t) { return t.source_rows == t.target_rows; });
}

std::int64_t count_rows(SqlConnection& db, const std::string& table) {
  return db.query_one("SELECT COUNT(*) FROM " + quoted(table))->integer(0);
}

std::optional<std::string> chain_head(SqlConnection& db) {
  const auto row = db.query_one("SELECT hash FROM dossier_events ORDER BY seq DESC LIMIT 1");
  if (!row) return std::nullopt;
  return hash_hex(row->values.at(0));
}

std::vector<TableShape> sqlite_tables_to_copy(SqlConnection& sqlite) {
  const auto filled = trigger_targets(sqlite);
  std::map<std::string, TableShape> remaining;
  // Plain tables only: an FTS5 index (its virtual table and shadow tables) is SQLite's own, and
  // its triggers rebuild it from the rows copied.
  for (const auto& row : sqlite.query(
           "SELECT m.name, m.sql FROM sqlite_master m JOIN pragma_table_list l ON l.name = m.name "
           "AND l.schema = 'main' WHERE m.type = 'table' AND l.type = 'table' AND m.name NOT LIKE "
           "'sqlite_%' AND m.name <> 'schema_migrations' ORDER BY m.name")) {
    auto t = describe(sqlite, row.text(0), row.optional_text(1).value_or(""));
    t.filled_by_triggers = filled.contains(t.name);
    remaining.emplace(t.name, std::move(t));
  }
  // Kahn's order, alphabetical among the ready tables so the order is the same on every run; the
  // filled-by-trigger tables wait until every other table is placed.
  std::vector<TableShape> ordered;
  std::set<std::string> placed;
  while (!remaining.empty()) {
    const bool others_left = std::any_of(remaining.begin(), remaining.end(), [](const auto& e) {
      return !e.second.filled_by_triggers;
    });
    auto ready = std::find_if(remaining.begin(), remaining.end(), [&](const auto& e) {
      if (e.second.filled_by_triggers && others_left) return false;
      return std::all_of(e.second.foreign_keys.begin(), e.second.foreign_keys.end(),
                         [&](const ForeignKey& fk) {
                           return fk.parent_table == e.first || placed.contains(fk.parent_table);
                         });
    });
    if (ready == remaining.end()) {
      throw StoreError("the foreign keys of table " + remaining.begin()->first +
                       " form a cycle: no copy order exists");
    }
    placed.insert(ready->first);
    ordered.push_back(std::move(ready->second));
    remaining.erase(ready);
  }
  return ordered;
}

std::optional<OccupiedTable> first_occupied_table(SqlConnection& db,
                                                  const std::vector<TableShape>& tables) {
  for (const auto& t : tables) {
    if (t.filled_by_triggers) continue;
    if (const auto n = count_rows(db, t.name); n > 0) return OccupiedTable{t.name, n};
  }
  return std::nullopt;
}

CopyReport copy_tables(SqlConnection& source, Store& target, const std::vector<TableShape>& tables,
                       std::size_t batch_rows) {
  batch_rows = std::max<std::size_t>(batch_rows, 1);
  CopyReport report;
  for (const auto& t : tables) {
    if (t.filled_by_triggers) {
      // Rows the target's triggers wrote while the other tables arrived: the source's own rows
      // (which the statistics refresh may already have cleared) replace them.
      target.write([&](SqlConnection& db) { db.execute("DELETE FROM " + quoted(t.name)); });
      ++report.write_jobs;
    }
    BatchWriter out(target, t, batch_rows);
    copy_one(source, t, out, batch_rows);
    report.rows_copied += out.rows();
    report.write_jobs += out.jobs();
  }
  advance_sequences(target, tables);
  for (const auto& t : tables) {
    TableCopied c{t.name, count_rows(source, t.name), 0};
    target.read([&](SqlConnection& db) { c.target_rows = count_rows(db, t.name); });
    report.tables.push_back(std::move(c));
  }
  return report;
}

}  // namespace motcua::store
