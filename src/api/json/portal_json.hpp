// JSON of the National Public Service Portal's admin view (app/portal/reconciliation_view.hpp).
#pragma once

#include <boost/json.hpp>

#include "app/portal/reconciliation_view.hpp"

namespace motcua::app::portal {
// {"ran_at": ISO or null, "report": the reconciliation report or null}
void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const ReconciliationView& v);
}  // namespace motcua::app::portal
