// A liveness probe of the database for /health: a trivial query on a reader connection.
#pragma once

#include "store/sql.hpp"

namespace motcua::store {

// True when the connection answers a query.
bool ping(SqlConnection& db);

}  // namespace motcua::store
