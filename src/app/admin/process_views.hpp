// What the internal-process use cases answer besides process::ProcessDefinition itself: the
// problems of a draft and the summaries of the process list. src/api/json/admin_json.cpp encodes
// them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace motcua::app {

// One problem of a draft: a process::validate() code or malformed_process, id_mismatch,
// unknown_procedure, unknown_agency. `step` is empty for the process as a whole.
struct ProcessProblem {
  std::string code;
  std::string step;
  std::string message_vi;
  std::string message_en;
};

// The latest version of a process, as the list shows it.
struct ProcessSummary {
  std::string id;
  std::int64_t version = 0;
  std::string procedure_code;
  std::string procedure_name;  // the catalog's newest name; "" when the code is not in it
  std::string agency_id;
  std::string agency_name;  // "" when the agency is unknown
  std::optional<std::string> legal_limit;
  std::int64_t steps = 0;
  std::string updated_by;
  std::string updated_at;
};

}  // namespace motcua::app
