#include "codec/command_text.hpp"

#include <boost/json.hpp>

#include "codec/command_json.hpp"

namespace motcua::codec {

std::string command_to_text(const dossier::Command& command, int utc_offset_minutes) {
  return boost::json::serialize(command_to_json(command, utc_offset_minutes));
}

tl::expected<dossier::Command, std::string> command_from_text(dossier::CommandKind kind,
                                                              const std::string& text,
                                                              int utc_offset_minutes) {
  boost::system::error_code ec;
  const auto payload = boost::json::parse(text, ec);
  if (ec) return tl::unexpected(std::string("payload is not JSON"));
  return command_from_json(kind, payload, utc_offset_minutes);
}

}  // namespace motcua::codec
