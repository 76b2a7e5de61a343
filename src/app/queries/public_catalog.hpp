// What anyone may read without logging in besides tracking: the agencies (a level at a time), the
// one-stop units, and a procedure as published now (its newest version).
#pragma once

#include <string>
#include <vector>

#include "app/common/app_error.hpp"
#include "store/agency_repository.hpp"
#include "store/catalog_repository.hpp"
#include "store/sql.hpp"

namespace motcua::app {

// The children of `parent_id` (the top-level agencies when empty), by name, at most 500.
std::vector<store::AgencyRow> agencies_under(store::SqlConnection& db,
                                             const std::string& parent_id);

// Every one-stop unit, by name.
std::vector<store::OneStopUnitRow> one_stop_units(store::SqlConnection& db);

// The newest version of a procedure, with its stored document; 404 for an unknown code.
AppResult<store::ProcedureVersionRow> published_procedure(store::SqlConnection& db,
                                                          const std::string& code);

}  // namespace motcua::app
