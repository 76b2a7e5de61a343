// The report of a reconciliation between what the National Public Service Portal holds and MotCua
// (app/portal/reconcile.hpp), as JSON: printed by `motcua portal reconcile`, kept by the server and
// answered by GET /api/v1/admin/portal/reconciliation.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace motcua::codec {

struct PortalDifference {
  std::string dossier_code;
  // missing_on_portal | missing_here | status_differs | due_differs
  std::string kind;
  std::string here;    // MotCua's value (portal status code, due date yyyyMMddHHmmss), "" if none
  std::string portal;  // the portal's value, "" if none
};

struct PortalReconciliation {
  std::string ran_at;  // ISO 8601
  std::string portal_url;
  std::int64_t dossiers_here = 0;    // dossiers with a code in MotCua
  std::int64_t dossiers_portal = 0;  // records the portal listed
  std::vector<PortalDifference> differences;
};

std::string portal_reconciliation_to_text(const PortalReconciliation& report);

}  // namespace motcua::codec
