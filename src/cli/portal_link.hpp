// The National Public Service Portal link's jobs, shared by `motcua portal ...` and the server:
// pull the dossiers submitted on the portal, reconcile with what it holds, and (until the outbox
// delivery engine of issue 14 point 1 runs in the server) push the queued sync records through the
// portal adapter. Each takes the HTTP calls outside the database transactions.
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

// Delivers the due "national_portal.sync" rows in id order through the portal adapter, one claim
// at a time, stopping at the first that is not delivered (retried later with backoff).
// {"delivered": n, "failed": n, "last_error": "..."}. A stop-gap until the delivery engine runs:
// its lease (store/outbox.hpp) keeps the two from delivering one row twice.
boost::json::object push_portal_once(store::Store& store, const std::string& portal_url,
                                     Instant now, int utc_offset);

}  // namespace motcua::cli
