#include "codec/outbox_recipient.hpp"

#include <boost/json.hpp>

namespace motcua::codec {

std::string outbox_recipient(const std::string& payload) {
  boost::system::error_code ec;
  const auto parsed = boost::json::parse(payload, ec);
  if (ec || !parsed.is_object()) return "";
  const auto& object = parsed.as_object();
  for (const char* field : {"to", "MaHoSo", "code"}) {
    if (const auto* value = object.if_contains(field); value && value->is_string()) {
      return std::string(value->as_string());
    }
  }
  return "";
}

}  // namespace motcua::codec
