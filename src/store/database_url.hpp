// A database name as it may be printed (JSON answers, logs): a PostgreSQL URL's password is
// replaced by *** (postgresql://u:***@host/db, and a password=... parameter likewise), so that
// output captured by a supervisor or pasted into a ticket does not carry the secret. A SQLite file
// name is returned as it is.
#pragma once

#include <string>

namespace motcua::store {

std::string printable_database(const std::string& db);

}  // namespace motcua::store
