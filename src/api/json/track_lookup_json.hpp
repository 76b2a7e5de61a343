// JSON of POST /api/v1/track/lookup: {"id_number", "phone"} in, the applicant's dossiers out.
#pragma once

#include <boost/json/value.hpp>
#include <boost/json/value_from.hpp>

#include "app/queries/own_dossier_lookup.hpp"

namespace motcua::app {

// {"code", "procedure_name", "status", "status_label_vi", "status_label_en", "submitted_at",
//  "received_at", "due"}; absent dates and a missing code are null.
void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const OwnDossierItem& item);

}  // namespace motcua::app

namespace motcua::api {

// Missing or non-string fields read as empty, so the lookup's own check names them.
app::OwnDossierLookup own_dossier_lookup_from_json(const boost::json::value& body);

}  // namespace motcua::api
