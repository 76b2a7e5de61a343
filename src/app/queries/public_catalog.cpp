#include "app/queries/public_catalog.hpp"

namespace motcua::app {

std::vector<store::AgencyRow> agencies_under(store::SqlConnection& db,
                                             const std::string& parent_id) {
  return store::child_agencies(db, parent_id);
}

std::vector<store::OneStopUnitRow> one_stop_units(store::SqlConnection& db) {
  return store::list_units(db);
}

AppResult<store::ProcedureVersionRow> published_procedure(store::SqlConnection& db,
                                                          const std::string& code) {
  auto row = store::latest_procedure(db, code);
  if (!row) return tl::unexpected(not_found("procedure " + code));
  return std::move(*row);
}

}  // namespace motcua::app
