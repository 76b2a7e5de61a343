#include "store/procedure_terms_repository.hpp"

namespace motcua::store {

namespace {
constexpr const char* kProvinceTerms =
    "SELECT limits, rule FROM procedure_local_terms WHERE code = ?";
constexpr const char* kAgencyTerms =
    "SELECT agency_id, limits, rule, fees_note, receiving_address, note, version, updated_by, "
    "updated_at FROM procedure_agency_terms WHERE code = ? AND agency_id = ?";
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
  return AgencyTermsRow{row->text(0), row->text(1),    row->text(2), row->text(3), row->text(4),
                        row->text(5), row->integer(6), row->text(7), row->text(8)};
}

}  // namespace motcua::store
