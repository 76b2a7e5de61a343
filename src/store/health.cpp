#include "store/health.hpp"

namespace motcua::store {

bool ping(SqlConnection& db) { return db.query_one("SELECT 1").has_value(); }

}  // namespace motcua::store
