// The last reconciliation with the National Public Service Portal, for administrators
// (GET /api/v1/admin/portal/reconciliation).
#pragma once

#include <optional>
#include <string>

#include "app/common/actor.hpp"
#include "app/common/app_error.hpp"
#include "store/sql.hpp"

namespace motcua::app::portal {

struct ReconciliationView {
  std::optional<std::string> ran_at;  // none before the first run
  std::string report;                 // codec/portal_reconciliation.hpp's JSON, "" before
};

AppResult<ReconciliationView> last_reconciliation(store::SqlConnection& db, const Actor& actor);

}  // namespace motcua::app::portal
