// A dossier's variant (trường hợp) names one of the cases of the procedure version it is received
// under (docs/rules.md, "Thành phần hồ sơ"). Compared as the catalog shows names: bullets, a
// closing colon and extra spaces do not count.
//
// An empty variant means "no case chosen". It is accepted when the procedure has no alternatives
// (no case, or a single case without a name), and for a draft, whose applicant chooses the case in
// the wizard before sending it. A dossier taken in at the counter for a procedure with several
// cases must name one.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "app/common/app_error.hpp"
#include "store/sql.hpp"

namespace motcua::app {

// The case names of a stored procedure version, in catalog order (empty for an unknown version).
std::vector<std::string> procedure_case_names(store::SqlConnection& db, const std::string& code,
                                              std::int64_t version);

// 422 invalid_variant naming `variant` when it is not one of `cases`.
AppResult<void> check_variant(const std::vector<std::string>& cases, const std::string& variant,
                              bool may_choose_later);

}  // namespace motcua::app
