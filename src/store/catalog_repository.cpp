#include "store/catalog_repository.hpp"

namespace motcua::store {

namespace {
constexpr const char* kLatest =
    "SELECT version, content_hash FROM procedures WHERE code = ? ORDER BY version DESC LIMIT 1";
constexpr const char* kInsert =
    "INSERT INTO procedures(code, version, name, name_folded, field, level, source, "
    "effective_from, "
    "content_hash, document, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
}  // namespace

UpsertOutcome upsert_procedure(SqlConnection& db, const ProcedureRow& r,
                               const std::string& effective_from, const std::string& now_iso) {
  const auto latest = db.query_one(kLatest, {r.code});
  if (latest && latest->text(1) == r.content_hash) return UpsertOutcome::unchanged;
  const std::int64_t version = latest ? latest->integer(0) + 1 : 1;
  // The catalog does not say since when its first known version has been in force: it was in
  // force before we imported it, so it applies to any earlier date. Later versions start on the
  // import day.
  const std::string from = latest ? effective_from : std::string(kInForceBeforeImport);
  db.execute(kInsert, {r.code, version, r.name, r.name_folded, r.field, r.level, r.source, from,
                       r.content_hash, r.document, now_iso});
  return latest ? UpsertOutcome::updated : UpsertOutcome::imported;
}

}  // namespace motcua::store
