// The units and agencies a stored process document names as responsible for its steps, read
// leniently: the officials' pickers must work even if one stored document is malformed.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace motcua::codec {

// steps[].responsible.unit of a process document (JSON text), in step order; nothing for a
// document that does not parse or has no such fields.
std::vector<std::string> responsible_unit_ids(std::string_view document);

}  // namespace motcua::codec
