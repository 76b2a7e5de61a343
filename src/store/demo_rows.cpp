#include "store/demo_rows.hpp"

namespace motcua::store {

namespace {
constexpr const char* kInsertLocalTerms =
    "INSERT INTO procedure_local_terms(code, limits, rule, note, updated_by, updated_at) "
    "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(code) DO NOTHING";
constexpr const char* kCountDossiers = "SELECT COUNT(*) FROM dossiers";
}  // namespace

void insert_local_terms_if_absent(SqlConnection& db, const LocalTermsRow& r) {
  db.execute(kInsertLocalTerms, {r.code, r.limits, r.rule, r.note, r.updated_by, r.updated_at});
}

std::int64_t count_dossiers(SqlConnection& db) { return db.query_one(kCountDossiers)->integer(0); }

}  // namespace motcua::store
