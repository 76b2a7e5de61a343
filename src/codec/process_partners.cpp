#include "codec/process_partners.hpp"

#include <boost/json.hpp>

namespace motcua::codec {

namespace json = boost::json;

std::vector<std::string> responsible_unit_ids(std::string_view document) {
  std::vector<std::string> out;
  boost::system::error_code ec;
  const auto doc = json::parse(document, ec);
  if (ec || !doc.is_object()) return out;
  const auto* steps = doc.as_object().if_contains("steps");
  if (steps == nullptr || !steps->is_array()) return out;
  for (const auto& step : steps->as_array()) {
    const auto* resp = step.is_object() ? step.as_object().if_contains("responsible") : nullptr;
    const auto* unit =
        resp != nullptr && resp->is_object() ? resp->as_object().if_contains("unit") : nullptr;
    if (unit != nullptr && unit->is_string()) out.emplace_back(unit->as_string());
  }
  return out;
}

}  // namespace motcua::codec
