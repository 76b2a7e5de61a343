// The templates of a fresh installation (data/templates/*.json, described in data/README.md):
// one-stop units per kind of agency and the default internal process per procedure level. Unknown
// keys are errors, so a misspelt field is not silently lost; errors give the JSON path.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "domain/process/process.hpp"
#include "tl/expected.hpp"

namespace motcua::codec {

// One unit per agency of `agency_kind`; id, names and address with {agency_id}, {name} and
// {name_en} replaced by the agency's.
struct UnitTemplate {
  std::string agency_kind;
  std::string id;
  std::string name;
  std::string name_en;
  std::string address;
};

struct ProcessTemplate {
  std::map<std::string, std::string> levels;  // catalog level -> kind of the deciding agency
  std::string remainder_step;                 // gets what the other steps leave of the limit
  process::ProcessDefinition process;         // id, procedure, agency and limit filled per use
};

// {"_about"?, "units": [{agency_kind, id, name, name_en, address}]}
tl::expected<std::vector<UnitTemplate>, std::string> parse_unit_templates(std::string_view text);
// {"_about"?, "levels": {level: agency kind}, "remainder_step", "process": a stored process}
tl::expected<ProcessTemplate, std::string> parse_process_template(std::string_view text);

}  // namespace motcua::codec
