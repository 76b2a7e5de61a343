// JSON of the right-of-access export (GET /api/v1/me/personal-data and
// POST /api/v1/admin/personal-data-exports; app/accounts/personal_data.hpp).
#pragma once

#include <boost/json/value.hpp>
#include <boost/json/value_from.hpp>

#include "app/accounts/personal_data.hpp"

namespace motcua::app {

// {"generated_at", "legal_basis_vi", "legal_basis_en", "account", "identities",
//  "notification_preferences", "dossiers": [{"dossier", "payments", "rating", "notices"}],
//  "stored_papers", "feedback"}
void tag_invoke(boost::json::value_from_tag, boost::json::value& out,
                const PersonalDataExport& data);

}  // namespace motcua::app
