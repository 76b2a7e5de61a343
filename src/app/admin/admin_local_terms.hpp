// Local details of a catalog procedure at one agency, as administrators edit them (docs/rules.md
// 6): time limit per channel, deadline rule, fees note, receiving address. Every save is versioned
// (optimistic: the editor sends the version it read) and audited with its reason.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/common/actor.hpp"
#include "app/common/app_error.hpp"
#include "app/dossier/procedure_terms.hpp"
#include "store/sql.hpp"

namespace motcua::app {

// The local terms of a procedure at one agency as the editor shows them: this agency's row, or
// else the nearest ancestor's it inherits, and the terms part of the catalog document before and
// after the local overrides.
struct LocalTermsView {
  std::string code;
  std::string agency_id;
  std::optional<AgencyTerms> own;        // this agency's row
  std::optional<AgencyTerms> inherited;  // an ancestor's row, when the agency has none
  TermsPart catalog;
  TermsPart effective;
};

AppResult<LocalTermsView> local_terms_view(store::SqlConnection& db, const std::string& code,
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

// Saves the next version. Refusals: not_found (procedure or agency), forbidden (not an
// administrator over the agency), conflict local_terms_version_mismatch, invalid_input
// invalid_local_terms / reason_required. Answers the view after the save.
AppResult<LocalTermsView> save_local_terms(store::SqlConnection& db, const Actor& actor,
                                           const std::string& code, const std::string& agency_id,
                                           const LocalTermsDraft& draft,
                                           const std::string& now_iso);

}  // namespace motcua::app
