// Local details of a catalog procedure at one agency, as administrators edit them (docs/rules.md
// 6): time limit per channel, deadline rule, fees note, receiving address. Every save is versioned
// (optimistic: the editor sends the version it read) and audited with its reason.
#pragma once

#include <string>
#include <vector>

#include "app/common/actor.hpp"
#include "app/common/app_error.hpp"
#include "app/dossier/procedure_terms.hpp"
#include "store/sql.hpp"

namespace motcua::app {

// These two still answer JSON: the catalog and effective parts come from
// app/dossier/procedure_terms (apply_local_terms, to_json), which works on JSON documents; they
// become views once AgencyTerms and apply_local_terms are typed.
// {code, agency_id, own (this agency's row or null), inherited (an ancestor's row or null),
//  catalog {limits, rule, receiving_address}, effective {limits, rule, receiving_address}}.
AppResult<boost::json::object> local_terms_view(store::SqlConnection& db, const std::string& code,
                                                const std::string& agency_id);

// One problem of a local-terms body: the field (e.g. "limits.online"), a code and the messages.
struct FieldProblem {
  std::string field;
  std::string code;
  std::string message_vi;
  std::string message_en;
};

// The body of a save, checked (decoded by src/api/json/admin_json.cpp).
struct LocalTermsDraft {
  AgencyTerms terms;
  std::int64_t expected_version = 0;  // 0: the agency has no row yet
  std::string reason;
  std::vector<FieldProblem> problems;
};

// Saves the next version. Refusals: 404 (procedure or agency), 403 (not an administrator over the
// agency), 409 local_terms_version_mismatch, 422 invalid_local_terms / reason_required.
AppResult<boost::json::object> save_local_terms(store::SqlConnection& db, const Actor& actor,
                                                const std::string& code,
                                                const std::string& agency_id,
                                                const LocalTermsDraft& draft,
                                                const std::string& now_iso);

}  // namespace motcua::app
