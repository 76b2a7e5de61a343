// Local terms of procedures, as stored: the province-wide overrides (`procedure_local_terms`,
// read here, seeded by the demo through store/demo_rows) and those of one agency
// (`procedure_agency_terms`, one row per code and agency, versioned for optimistic concurrency).
// Limits are JSON text ({channel: "N working-days"}, codec/channel_limits.hpp decodes them);
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
  std::string code;
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

void insert_agency_terms(SqlConnection& db, const AgencyTermsRow& row);
// Replaces the row of version `expected_version`; false when another writer changed it first.
bool update_agency_terms(SqlConnection& db, const AgencyTermsRow& row,
                         std::int64_t expected_version);

}  // namespace motcua::store
