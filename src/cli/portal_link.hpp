// The National Public Service Portal link's jobs, shared by `motcua portal ...` and the server:
// pull the dossiers submitted on the portal and reconcile with what it holds (the sync records go
// out through the delivery engine). Each takes the HTTP calls outside the database transactions.
#pragma once

#include <boost/json.hpp>
#include <string>

#include "app/calendar/calendar_admin.hpp"
#include "app/dossier/dossier_service.hpp"
#include "store/store.hpp"

namespace motcua::cli {

// Fetches the portal's dossiers after the last one pulled and creates the new ones.
// {"pulled": n, "created": n, "already_pulled": n, "refused": n, "dossiers": [...]} or
// {"error": "..."} when the portal did not answer.
boost::json::object pull_portal_once(store::Store& store, app::DossierService& service,
                                     const std::string& portal_url, Instant now, int utc_offset);

// Compares the portal's list with MotCua, keeps the report (the admin view shows the last one) and
// returns it; {"error": "..."} when the portal did not answer (nothing is kept).
boost::json::object reconcile_portal_once(store::Store& store, const std::string& portal_url,
                                          Instant now, int utc_offset);

}  // namespace motcua::cli
