#include "app/portal/reconcile.hpp"

#include <map>

#include "app/portal/sync_record.hpp"
#include "domain/dossier/status.hpp"
#include "store/portal_repository.hpp"

namespace motcua::app::portal {

codec::PortalReconciliation reconcile(store::SqlConnection& db, const std::vector<HeldRecord>& held,
                                      int utc_offset_minutes) {
  codec::PortalReconciliation report;
  std::map<std::string, const HeldRecord*> on_portal;
  for (const auto& h : held) on_portal[h.dossier_code] = &h;
  report.dossiers_portal = static_cast<std::int64_t>(on_portal.size());

  std::map<std::string, bool> here;
  for (const auto& d : store::coded_dossier_states(db)) {
    const auto status = dossier::parse_status(d.status);
    if (!status) continue;
    here[d.code] = true;
    ++report.dossiers_here;
    const std::string code_here = std::to_string(dossier::portal_status_code(*status));
    const std::string due_here =
        d.due_s ? portal_datetime(Instant{*d.due_s}, utc_offset_minutes) : "";
    const auto found = on_portal.find(d.code);
    if (found == on_portal.end()) {
      report.differences.push_back({d.code, "missing_on_portal", code_here, ""});
      continue;
    }
    const HeldRecord& p = *found->second;
    if (std::to_string(p.status_code) != code_here)
      report.differences.push_back(
          {d.code, "status_differs", code_here, std::to_string(p.status_code)});
    if (!due_here.empty() && p.due_at != due_here)
      report.differences.push_back({d.code, "due_differs", due_here, p.due_at});
  }
  for (const auto& [code, record] : on_portal) {
    if (!here.contains(code))
      report.differences.push_back({code, "missing_here", "", std::to_string(record->status_code)});
  }
  return report;
}

}  // namespace motcua::app::portal
