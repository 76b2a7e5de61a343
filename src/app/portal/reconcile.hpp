// Reconciliation with the National Public Service Portal: what the portal holds (its list of the
// latest sync record per dossier code) against MotCua's dossiers. Peers' users reconcile portal
// sync gaps by hand (issue 14); this names every difference: a dossier missing on the portal or
// here, a status or due date that differs. Run daily by the server and by `motcua portal
// reconcile`.
#pragma once

#include <string>
#include <vector>

#include "codec/portal_reconciliation.hpp"
#include "store/sql.hpp"

namespace motcua::app::portal {

// One record as the portal lists it.
struct HeldRecord {
  std::string dossier_code;  // MaHoSo
  int status_code = 0;       // TrangThaiHoSo
  std::string due_at;        // NgayHenTra, yyyyMMddHHmmss or ""
};

// Compares in a read job. A due date is compared only while MotCua's clock knows one (a paused
// dossier's due is unknown until it resumes).
codec::PortalReconciliation reconcile(store::SqlConnection& db, const std::vector<HeldRecord>& held,
                                      int utc_offset_minutes);

}  // namespace motcua::app::portal
