// Writes of `procedure_agency_terms`: the local details of a catalog procedure at one agency, as
// administrators save them (one row per code and agency, versioned for optimistic concurrency).
// Reads live with the dossier terms that apply them (app/dossier/procedure_terms).
#pragma once

#include <cstdint>
#include <string>

#include "store/sql.hpp"

namespace motcua::store {

struct AgencyTermsRow {
  std::string code;
  std::string agency_id;
  std::string limits;  // JSON object: channel -> "N working-days"
  std::string rule;
  std::string fees_note;
  std::string receiving_address;
  std::string note;
  std::int64_t version = 0;
  std::string updated_by;
  std::string updated_at;
};

void insert_agency_terms(SqlConnection& db, const AgencyTermsRow& row);
// Replaces the row of version `expected_version`; false when another writer changed it first.
bool update_agency_terms(SqlConnection& db, const AgencyTermsRow& row,
                         std::int64_t expected_version);

}  // namespace motcua::store
