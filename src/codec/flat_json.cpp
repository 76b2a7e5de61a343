#include "codec/flat_json.hpp"

#include <boost/json.hpp>

namespace motcua::codec {

std::string flat_object_text(const FlatFields& fields) {
  boost::json::object out;
  for (const auto& [key, value] : fields) {
    std::visit([&, &key = key](const auto& v) { out[key] = v; }, value);
  }
  return boost::json::serialize(out);
}

}  // namespace motcua::codec
