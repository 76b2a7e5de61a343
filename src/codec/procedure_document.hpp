// The stored document of a procedure version (procedures.document) as text, for callers that do
// not handle JSON themselves (the catalog import in src/app). Its shape is codec/procedure_json's.
#pragma once

#include <string>

#include "domain/catalog/procedure.hpp"

namespace motcua::codec {

std::string serialize_procedure(const catalog::Procedure& p);

}  // namespace motcua::codec
