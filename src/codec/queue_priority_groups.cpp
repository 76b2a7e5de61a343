#include "codec/queue_priority_groups.hpp"

#include <boost/json.hpp>

namespace motcua::codec {

tl::expected<std::vector<queue::PriorityGroup>, std::string> parse_priority_groups(
    std::string_view text) {
  boost::system::error_code ec;
  const auto doc = boost::json::parse(text, ec);
  if (ec || !doc.is_object()) return tl::unexpected(std::string("not a JSON object"));
  const auto* groups = doc.as_object().if_contains("groups");
  if (!groups || !groups->is_array()) return tl::unexpected(std::string("'groups' is not a list"));
  std::vector<queue::PriorityGroup> out;
  for (const auto& g : groups->as_array()) {
    const auto* o = g.if_object();
    const auto text_of = [o](const char* key) -> std::string {
      const auto* v = o ? o->if_contains(key) : nullptr;
      return v && v->is_string() ? std::string(v->as_string()) : std::string();
    };
    queue::PriorityGroup group{text_of("code"), text_of("name_vi"), text_of("name_en")};
    if (group.code.empty() || group.name_vi.empty() || group.name_en.empty())
      return tl::unexpected(std::string("a group lacks its code, name_vi or name_en"));
    out.push_back(std::move(group));
  }
  return out;
}

}  // namespace motcua::codec
