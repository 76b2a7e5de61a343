// Who works where, for the officials' pickers (assign, forward, send back, consult): the active
// officials holding a role in an agency, and the process documents that tie agencies together.
#pragma once

#include <string>
#include <vector>

#include "store/sql.hpp"

namespace motcua::store {

struct OfficialGrantRow {
  std::string user_id;
  std::string display_name;
  std::string role;
  std::string agency_id;
  std::string agency_name;
};
// One row per role an active official holds in `agency_id`, by display name then id.
std::vector<OfficialGrantRow> official_grants_in(SqlConnection& db, const std::string& agency_id);

// The documents (JSON text) of the latest version of every internal process of `agency_id`.
std::vector<std::string> process_documents_of(SqlConnection& db, const std::string& agency_id);

}  // namespace motcua::store
