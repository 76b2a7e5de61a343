// A fresh installation's one-stop units and default internal processes, made from the templates
// in data/templates (read by codec/setup_templates_json). Only what is missing is created: an
// agency that has a one-stop unit, or a (procedure, agency) pair that has a process, is left
// alone, so a second run changes nothing and says so. Each creation is audited with the actor
// given (the command line's "cli:setup" or the administrator who pressed the button).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "app/common/app_error.hpp"
#include "codec/setup_templates_json.hpp"
#include "domain/clock/time_limit.hpp"
#include "domain/process/process.hpp"
#include "store/sql.hpp"

namespace motcua::app {

inline constexpr const char* kSetupActor = "cli:setup";

using codec::ProcessTemplate;
using codec::UnitTemplate;

struct SetupOutcome {
  int created = 0;
  int existing = 0;  // already there: left alone
  int skipped = 0;   // could not be made (see `problems`, the first few)
  std::vector<std::string> problems;
};

// The process of `tmpl` for one procedure at one agency, its budgets fitted to `limit`; an error
// says why the limit cannot hold the steps.
tl::expected<process::ProcessDefinition, std::string> process_from_template(
    const ProcessTemplate& tmpl, const std::string& procedure_code, const std::string& agency_id,
    const clock::TimeLimit& limit);

// The province `province_id` (an agency without parent) and every agency under it.
AppResult<SetupOutcome> set_up_one_stop_units(store::SqlConnection& db,
                                              const std::vector<UnitTemplate>& templates,
                                              const std::string& province_id,
                                              const std::string& actor_id,
                                              const std::string& reason,
                                              const std::string& now_iso);

// For every procedure of the template's levels (or only `level`, or only `procedure_code`) whose
// counter time limit is known, a process at every agency of the matching kind in the province.
struct ProcessSetup {
  std::string province_id;
  std::string level;           // empty: every level of the template
  std::string procedure_code;  // empty: every procedure
};
AppResult<SetupOutcome> set_up_processes(store::SqlConnection& db, const ProcessTemplate& tmpl,
                                         const ProcessSetup& scope, const std::string& actor_id,
                                         const std::string& reason, const std::string& today,
                                         const std::string& now_iso);

}  // namespace motcua::app
