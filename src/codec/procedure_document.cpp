#include "codec/procedure_document.hpp"

#include <boost/json/serialize.hpp>

#include "codec/procedure_json.hpp"

namespace motcua::codec {

std::string serialize_procedure(const catalog::Procedure& p) {
  return boost::json::serialize(procedure_to_json(p));
}

}  // namespace motcua::codec
