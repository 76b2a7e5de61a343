#include "store/procedure_terms_repository.hpp"

namespace motcua::store {

namespace {
constexpr const char* kProvinceTerms =
    "SELECT limits, rule FROM procedure_local_terms WHERE code = ?";
constexpr const char* kAgencyTerms =
    "SELECT code, agency_id, limits, rule, fees_note, receiving_address, note, version, "
    "updated_by, updated_at FROM procedure_agency_terms WHERE code = ? AND agency_id = ?";
constexpr const char* kInsertAgencyTerms =
    "INSERT INTO procedure_agency_terms(code, agency_id, limits, rule, fees_note, "
    "receiving_address, note, version, updated_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, "
    "?)";
constexpr const char* kUpdateAgencyTerms =
    "UPDATE procedure_agency_terms SET limits = ?, rule = ?, fees_note = ?, receiving_address = ?, "
    "note = ?, version = ?, updated_by = ?, updated_at = ? WHERE code = ? AND agency_id = ? AND "
    "version = ?";
}  // namespace

std::optional<ProvinceTermsRow> province_terms(SqlConnection& db, const std::string& code) {
  const auto row = db.query_one(kProvinceTerms, {code});
  if (!row) return std::nullopt;
  return ProvinceTermsRow{row->text(0), row->text(1)};
}

std::optional<AgencyTermsRow> agency_terms(SqlConnection& db, const std::string& code,
                                           const std::string& agency_id) {
  const auto row = db.query_one(kAgencyTerms, {code, agency_id});
  if (!row) return std::nullopt;
  return AgencyTermsRow{row->text(0), row->text(1), row->text(2),    row->text(3), row->text(4),
                        row->text(5), row->text(6), row->integer(7), row->text(8), row->text(9)};
}

void insert_agency_terms(SqlConnection& db, const AgencyTermsRow& r) {
  db.execute(kInsertAgencyTerms,
             {r.code, r.agency_id, r.limits, r.rule, r.fees_note, r.receiving_address, r.note,
              r.version, r.updated_by, r.updated_at});
}

bool update_agency_terms(SqlConnection& db, const AgencyTermsRow& r,
                         std::int64_t expected_version) {
  return db.execute(kUpdateAgencyTerms,
                    {r.limits, r.rule, r.fees_note, r.receiving_address, r.note, r.version,
                     r.updated_by, r.updated_at, r.code, r.agency_id, expected_version}) == 1;
}

}  // namespace motcua::store
