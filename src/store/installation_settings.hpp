// Facts about the installation itself (migration 0010): for now, whether the database is a demo
// one, built by `motcua demo` or seeded by the tests. Only a demo database may be served with a
// frozen clock (motcua serve --fake-now).
#pragma once

#include "store/sql.hpp"

namespace motcua::store {

// Marks the database as a demo one. Idempotent.
void mark_demo_database(SqlConnection& db);
bool is_demo_database(SqlConnection& db);

}  // namespace motcua::store
