// Which refresh takes a stale dossier's statistics rows, when several servers refresh the read
// model (store/statistics_queries.hpp) of one database.
#pragma once

#include <string>

#include "store/sql.hpp"

namespace motcua::store {

// Clears the dossier's stale mark and says whether it was still there: false means another
// refresh (another server's, or an earlier batch) rebuilt the rows since the caller read the
// list, so rebuilding them again would only repeat that work.
bool take_stale_outcome(SqlConnection& db, const std::string& dossier_id);

}  // namespace motcua::store
