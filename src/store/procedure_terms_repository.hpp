// Local terms of procedures: the province-wide overrides (`procedure_local_terms`) and those of one
// agency (`procedure_agency_terms`), as stored. Limits are JSON text ({channel: "N working-days"});
// app/dossier/procedure_terms.hpp merges them over the catalog's terms.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "store/sql.hpp"

namespace motcua::store {

struct ProvinceTermsRow {
  std::string limits;  // JSON object text
  std::string rule;    // empty: the catalog's
};

struct AgencyTermsRow {
  std::string agency_id;
  std::string limits;  // JSON object text
  std::string rule;
  std::string fees_note;
  std::string receiving_address;
  std::string note;
  std::int64_t version = 0;
  std::string updated_by;
  std::string updated_at;
};

std::optional<ProvinceTermsRow> province_terms(SqlConnection& db, const std::string& code);
std::optional<AgencyTermsRow> agency_terms(SqlConnection& db, const std::string& code,
                                           const std::string& agency_id);

}  // namespace motcua::store
