// The objects a command names (the official a dossier goes to) checked before the write, so that a
// missing or disabled one is a 422 naming the field rather than a foreign-key failure at commit,
// which the HTTP edge could only report as "changed by someone else".
#pragma once

#include "app/common/app_error.hpp"
#include "domain/dossier/commands.hpp"
#include "store/sql.hpp"

namespace motcua::app {

AppResult<void> check_command_references(store::SqlConnection& db, const dossier::Command& command);

}  // namespace motcua::app
