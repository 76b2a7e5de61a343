// The few writes and counts only the demo province needs (`motcua demo`): rows it adds once and
// leaves alone on a second run, so that running the demo again adds nothing.
#pragma once

#include <cstdint>
#include <string>

#include "store/sql.hpp"

namespace motcua::store {

// A province-wide setting of a procedure's time limits (procedure_local_terms).
struct LocalTermsRow {
  std::string code;
  std::string limits;  // JSON object, e.g. {"counter": "1 working-days"}
  std::string rule;
  std::string note;
  std::string updated_by;
  std::string updated_at;
};

// Writes the row unless the procedure already has local terms (kept as they are).
void insert_local_terms_if_absent(SqlConnection& db, const LocalTermsRow& row);

// The number of dossiers stored (a demo database that has some is not filled again).
std::int64_t count_dossiers(SqlConnection& db);

}  // namespace motcua::store
