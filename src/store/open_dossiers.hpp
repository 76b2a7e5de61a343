// The dossiers a calendar import may move the due dates of: received and not finished. Their
// rows are read and written through store/dossier_repository.
#pragma once

#include <string>
#include <vector>

#include "store/sql.hpp"

namespace motcua::store {

// Ids of the open dossiers (received, not finished), ordered by id.
std::vector<std::string> open_dossier_ids(SqlConnection& db);

}  // namespace motcua::store
