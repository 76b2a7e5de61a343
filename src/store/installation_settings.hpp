// Facts about the installation itself (migration 0010): for now, whether the database is a demo
// one, built by `motcua demo` or seeded by the tests. Only a demo database may be served with a
// frozen clock (motcua serve --fake-now).
#pragma once

#include <optional>
#include <string>

#include "store/sql.hpp"

namespace motcua::store {

// Marks the database as a demo one. Idempotent.
void mark_demo_database(SqlConnection& db);
bool is_demo_database(SqlConnection& db);

// Any other named fact (e.g. "procedure_document_shape", app/imports/document_upgrade.hpp).
std::optional<std::string> installation_setting(SqlConnection& db, const std::string& name);
void set_installation_setting(SqlConnection& db, const std::string& name, const std::string& value);

}  // namespace motcua::store
