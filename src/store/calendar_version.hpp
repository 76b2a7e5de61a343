// A cheap fingerprint of the calendar years stored in the database, so that a server can tell that
// another server imported a year and rebuild its in-memory calendar
// (app/calendar/calendar_sync.hpp).
#pragma once

#include <string>

#include "store/sql.hpp"

namespace motcua::store {

// Every stored year with its version ("2026:3;2027:1;"): `version` bumps on each replacement and
// years are only added, so any import changes it. The table holds a handful of rows.
std::string calendar_fingerprint(SqlConnection& db);

}  // namespace motcua::store
