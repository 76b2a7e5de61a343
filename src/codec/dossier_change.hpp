// The outbox message a dossier event sends to the applicant's notifications and to the national
// portal (Cổng DVC quốc gia): what changed, in the portal's status codes.
#pragma once

#include <string>

namespace motcua::codec {

struct DossierChange {
  std::string dossier_id;
  std::string dossier_code;  // empty before receipt
  std::string event;
  std::string status;
  int portal_status = 0;
  std::string at;  // ISO 8601, local offset
};

// {"dossier_id", "dossier_code", "event", "status", "portal_status", "at"} as JSON text.
std::string dossier_change_to_text(const DossierChange& change);

}  // namespace motcua::codec
