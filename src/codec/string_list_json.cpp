#include "codec/string_list_json.hpp"

#include <boost/json.hpp>

namespace motcua::codec {

namespace json = boost::json;

std::string string_list_to_text(const std::vector<std::string>& items) {
  json::array out;
  for (const auto& item : items) out.emplace_back(item);
  return json::serialize(out);
}

std::vector<std::string> string_list_from_text(std::string_view text) {
  boost::system::error_code ec;
  const auto value = json::parse(text, ec);
  if (ec || !value.is_array()) return {};
  std::vector<std::string> out;
  for (const auto& item : value.as_array()) {
    if (item.is_string()) out.emplace_back(item.as_string());
  }
  return out;
}

}  // namespace motcua::codec
