// A command as the stored payload of its event in the log (JSON text, the format of
// command_json.hpp), for callers that never handle JSON values themselves.
#pragma once

#include <string>

#include "domain/dossier/commands.hpp"
#include "tl/expected.hpp"

namespace motcua::codec {

std::string command_to_text(const dossier::Command& command, int utc_offset_minutes);

// An error when the text is not JSON or not a command of `kind`.
tl::expected<dossier::Command, std::string> command_from_text(dossier::CommandKind kind,
                                                              const std::string& text,
                                                              int utc_offset_minutes);

}  // namespace motcua::codec
