// Dossiers submitted on the National Public Service Portal become MotCua dossiers (Decree 61
// Art. 25(2), Decision 31/2021: the portal forwards dossiers to the one-stop system). Each is
// created through the same use case as an online submission (code, clock and log the same), with
// channel `online`, submitted by the disabled `national_portal` account (made at the first pull),
// and mapped to the portal's own code: a dossier pulled twice is created once.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "app/dossier/dossier_service.hpp"
#include "store/sql.hpp"

namespace motcua::app::portal {

// A dossier as the portal hands it over (tools/emulators/national_portal.py, GET /inbound).
struct InboundDossier {
  std::string portal_code;          // MaHoSoDVCQG
  std::int64_t seq = 0;             // the portal's order, for the next pull's `since`
  std::string procedure_code;       // MaTTHC
  std::string agency_code;          // MaDonVi: the competent agency's code
  std::string variant;              // TruongHop, optional
  ApplicantInfo applicant;          // ChuHoSo
  std::vector<std::string> papers;  // GiayTo: the names of the papers listed on the portal
};

inline constexpr const char* kPortalAccount = "national_portal";

struct InboundOutcome {
  std::string portal_code;
  std::string result;  // "created", "already_pulled" or "refused"
  std::string dossier_id;
  std::string dossier_code;
  std::string error;  // why it was refused (left for the next pull)
};

// Creates the dossiers not yet pulled, in one write job. A refused one (unknown procedure or
// agency) is not mapped: pulls ask again from the last mapped sequence (docs/integrations.md).
std::vector<InboundOutcome> take_inbound(store::SqlConnection& db, DossierService& service,
                                         const std::vector<InboundDossier>& dossiers,
                                         const std::string& now_iso);

}  // namespace motcua::app::portal
