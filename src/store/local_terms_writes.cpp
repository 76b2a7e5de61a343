#include "store/local_terms_writes.hpp"

namespace motcua::store {

namespace {

constexpr const char* kInsert =
    "INSERT INTO procedure_agency_terms(code, agency_id, limits, rule, fees_note, "
    "receiving_address, note, version, updated_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, "
    "?)";
constexpr const char* kUpdate =
    "UPDATE procedure_agency_terms SET limits = ?, rule = ?, fees_note = ?, receiving_address = ?, "
    "note = ?, version = ?, updated_by = ?, updated_at = ? WHERE code = ? AND agency_id = ? AND "
    "version = ?";

}  // namespace

void insert_agency_terms(SqlConnection& db, const AgencyTermsRow& r) {
  db.execute(kInsert, {r.code, r.agency_id, r.limits, r.rule, r.fees_note, r.receiving_address,
                       r.note, r.version, r.updated_by, r.updated_at});
}

bool update_agency_terms(SqlConnection& db, const AgencyTermsRow& r,
                         std::int64_t expected_version) {
  return db.execute(kUpdate, {r.limits, r.rule, r.fees_note, r.receiving_address, r.note, r.version,
                              r.updated_by, r.updated_at, r.code, r.agency_id, expected_version}) ==
         1;
}

}  // namespace motcua::store
