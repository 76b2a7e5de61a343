#include "store/catalog_repository.hpp"

namespace motcua::store {

namespace {
constexpr const char* kLatest =
    "SELECT version, content_hash, document FROM procedures WHERE code = ? ORDER BY version DESC "
    "LIMIT 1";
constexpr const char* kInsert =
    "INSERT INTO procedures(code, version, name, name_folded, field, level, source, "
    "effective_from, "
    "content_hash, document, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
constexpr const char* kVersionColumns =
    "SELECT code, version, name, name_folded, field, level, effective_from, document "
    "FROM procedures ";
constexpr const char* kExists = "SELECT 1 FROM procedures WHERE code = ? LIMIT 1";
// The newest version of each procedure, kept by migration 0047's triggers: no document, and no
// MAX(version) per row.
constexpr const char* kLatestEach =
    "SELECT s.code, s.version, s.name, s.name_folded, s.field, s.level, s.effective_from, '' "
    "FROM procedure_search s";

ProcedureVersionRow version_of(const SqlRow& r) {
  return {r.text(0), r.integer(1), r.text(2), r.text(3),
          r.text(4), r.text(5),    r.text(6), r.text(7)};
}
}  // namespace

bool procedure_exists(SqlConnection& db, const std::string& code) {
  return db.query_one(kExists, {code}).has_value();
}

std::optional<ProcedureVersionRow> latest_procedure(SqlConnection& db, const std::string& code) {
  const auto r = db.query_one(
      std::string(kVersionColumns) + "WHERE code = ? ORDER BY version DESC LIMIT 1", {code});
  if (!r) return std::nullopt;
  return version_of(*r);
}

std::optional<ProcedureVersionRow> procedure_in_force(SqlConnection& db, const std::string& code,
                                                      const std::string& date) {
  const auto r = db.query_one(std::string(kVersionColumns) +
                                  "WHERE code = ? AND effective_from <= ? "
                                  "ORDER BY version DESC LIMIT 1",
                              {code, date});
  if (!r) return std::nullopt;
  return version_of(*r);
}

std::optional<ProcedureVersionRow> procedure_version(SqlConnection& db, const std::string& code,
                                                     std::int64_t version) {
  const auto r = db.query_one(std::string(kVersionColumns) + "WHERE code = ? AND version = ?",
                              {code, version});
  if (!r) return std::nullopt;
  return version_of(*r);
}

std::vector<StoredProcedureDocument> procedure_documents(SqlConnection& db) {
  std::vector<StoredProcedureDocument> out;
  for (const auto& r : db.query("SELECT code, version, document FROM procedures ORDER BY code, "
                                "version")) {
    out.push_back({r.text(0), r.integer(1), r.text(2)});
  }
  return out;
}

void replace_procedure_document(SqlConnection& db, const std::string& code, std::int64_t version,
                                const std::string& document) {
  db.execute("UPDATE procedures SET document = ? WHERE code = ? AND version = ?",
             {document, code, version});
}

std::vector<ProcedureVersionRow> latest_procedures(SqlConnection& db) {
  std::vector<ProcedureVersionRow> out;
  for (const auto& r : db.query(kLatestEach)) out.push_back(version_of(r));
  return out;
}

std::string catalog_stamp(SqlConnection& db) {
  const auto r = db.query_one("SELECT stamp FROM catalog_stamp WHERE id = 1");
  return r ? r->text(0) : std::string();
}

UpsertOutcome upsert_procedure(SqlConnection& db, const ProcedureRow& r,
                               const std::string& effective_from, const std::string& now_iso) {
  const auto latest = db.query_one(kLatest, {r.code});
  if (latest && latest->text(1) == r.content_hash) return UpsertOutcome::unchanged;
  // The same document under another hash: the upgrade rewrote the stored one in the current shape
  // without a hash (it has no full decoder). Same content, so no new version: the hash is caught
  // up.
  if (latest && latest->text(2) == r.document) {
    db.execute("UPDATE procedures SET content_hash = ? WHERE code = ? AND version = ?",
               {r.content_hash, r.code, latest->integer(0)});
    return UpsertOutcome::unchanged;
  }
  const std::int64_t version = latest ? latest->integer(0) + 1 : 1;
  // The catalog does not say since when its first known version has been in force: it was in
  // force before we imported it, so it applies to any earlier date. Later versions start on the
  // import day.
  const std::string from = latest ? effective_from : std::string(kInForceBeforeImport);
  db.execute(kInsert, {r.code, version, r.name, r.name_folded, r.field, r.level, r.source, from,
                       r.content_hash, r.document, now_iso});
  return latest ? UpsertOutcome::updated : UpsertOutcome::imported;
}

namespace {

// The name alone: statistics name many procedures, and their documents are large.
constexpr const char* kLatestName =
    "SELECT name FROM procedures WHERE code = ? ORDER BY version DESC LIMIT 1";

// LIKE wildcards in user text are literal characters.
std::string like_escaped(const std::string& text) {
  std::string out;
  for (const char c : text) {
    if (c == '%' || c == '_' || c == '\\') out.push_back('\\');
    out.push_back(c);
  }
  return out;
}

// Trigram indexes hold no entry for a shorter word: such words are checked by LIKE on the row.
constexpr std::size_t kShortestIndexedWord = 3;

// Trigrams count characters, not bytes: UTF-8 continuation bytes are not counted.
std::size_t code_points(const std::string& utf8) {
  std::size_t n = 0;
  for (const char c : utf8) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
  return n;
}

}  // namespace

SqlQuery procedure_search_query(Dialect dialect, const std::string& code_prefix,
                                const std::vector<std::string>& folded_words, int limit) {
  // Only fixed clauses and '?' placeholders are added; every value is a parameter.
  SqlQuery q;
  q.sql = kLatestEach;
  if (!folded_words.empty()) {
    // A word is a run of letters and digits (text::search_tokens), so it needs no quoting for
    // LIKE, and none beyond double quotes for an FTS5 phrase.
    std::string match;
    std::string short_words;
    std::vector<SqlValue> short_params;
    for (const auto& w : folded_words) {
      if (dialect == Dialect::sqlite && code_points(w) >= kShortestIndexedWord) {
        match += (match.empty() ? "\"" : " AND \"") + w + "\"";
      } else {
        short_words += " AND s.name_folded LIKE ?";
        short_params.emplace_back("%" + like_escaped(w) + "%");
      }
    }
    // The code prefix and the words are two arms, each served by its own index.
    q.sql += " WHERE s.code LIKE ? ESCAPE '\\' UNION " + std::string(kLatestEach);
    q.params.emplace_back(like_escaped(code_prefix) + "%");
    if (!match.empty()) {
      // One MATCH, not a LIKE per word: SQLite 3.40's FTS5 crashes on some ANDed LIKEs.
      q.sql +=
          " JOIN procedure_search_text t ON t.rowid = s.rowid WHERE procedure_search_text "
          "MATCH ?";
      q.params.emplace_back(match);
    } else {
      q.sql += " WHERE 1 = 1";
    }
    q.sql += short_words;
    for (auto& p : short_params) q.params.push_back(std::move(p));
    q.sql = "SELECT * FROM (" + q.sql + ") u ORDER BY length(u.name), u.code LIMIT ?";
  } else {
    q.sql += " ORDER BY s.name_length, s.code LIMIT ?";
  }
  q.params.emplace_back(std::int64_t{limit});
  return q;
}

std::vector<ProcedureVersionRow> search_latest_procedures(
    SqlConnection& db, const std::string& code_prefix, const std::vector<std::string>& folded_words,
    int limit) {
  const auto q = procedure_search_query(db.dialect(), code_prefix, folded_words, limit);
  std::vector<ProcedureVersionRow> out;
  for (const auto& r : db.query(q.sql, q.params)) out.push_back(version_of(r));
  return out;
}

std::string latest_procedure_name(SqlConnection& db, const std::string& code) {
  const auto r = db.query_one(kLatestName, {code});
  return r ? r->text(0) : std::string();
}

}  // namespace motcua::store
