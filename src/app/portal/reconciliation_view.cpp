#include "app/portal/reconciliation_view.hpp"

#include "app/admin/admin_users.hpp"
#include "store/portal_repository.hpp"

namespace motcua::app::portal {

AppResult<ReconciliationView> last_reconciliation(store::SqlConnection& db, const Actor& actor) {
  if (auto ok = require_administrator(actor); !ok) return tl::unexpected(ok.error());
  ReconciliationView view;
  if (auto last = store::last_portal_reconciliation(db)) {
    view.ran_at = last->ran_at;
    view.report = std::move(last->report);
  }
  return view;
}

}  // namespace motcua::app::portal
