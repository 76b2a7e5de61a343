// Dossier commands as JSON: the body of POST /api/v1/dossiers/{id}/<command> and the payload of the
// command's event in the log. Instants are ISO 8601 text; amounts whole VND.
#pragma once

#include <boost/json/value.hpp>
#include <string>

#include "domain/dossier/commands.hpp"
#include "tl/expected.hpp"

namespace motcua::codec {

// Reads the fields of command `kind` from a JSON object. Missing optional fields take defaults;
// wrong types are errors that name the field.
tl::expected<dossier::Command, std::string> command_from_json(dossier::CommandKind kind,
                                                              const boost::json::value& body,
                                                              int utc_offset_minutes);

boost::json::object command_to_json(const dossier::Command& command, int utc_offset_minutes);

}  // namespace motcua::codec
