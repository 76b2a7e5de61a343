#include "codec/notice_payload.hpp"

#include <boost/json.hpp>

namespace motcua::codec {

namespace json = boost::json;

std::string notice_payload_to_text(const NoticePayload& p) {
  json::object params;
  for (const auto& [name, value] : p.params) params[name] = value;
  for (const auto& [name, list] : p.list_params) {
    json::array items;
    for (const auto& item : list) items.emplace_back(item);
    params[name] = std::move(items);
  }
  json::object out{{"to", p.to},
                   {"lang", p.lang},
                   {"template", p.template_key},
                   {"required", p.required},
                   {"dossier_id", p.dossier_id},
                   {"params", std::move(params)}};
  if (!p.status.empty()) out["status"] = p.status;
  return json::serialize(out);
}

NoticePayload notice_payload_from_text(const std::string& text) {
  const auto root = json::parse(text).as_object();
  auto str = [&](const char* name) {
    const auto* v = root.if_contains(name);
    return v && v->is_string() ? std::string(v->as_string()) : std::string();
  };
  NoticePayload p{str("to"), str("lang"), str("template"), false, str("dossier_id"), {}, {}};
  p.status = str("status");
  if (const auto* r = root.if_contains("required"); r && r->is_bool()) p.required = r->as_bool();
  if (const auto* ps = root.if_contains("params"); ps && ps->is_object()) {
    for (const auto& [name, value] : ps->as_object()) {
      if (value.is_string()) {
        p.params[std::string(name)] = std::string(value.as_string());
      } else if (value.is_array()) {
        auto& list = p.list_params[std::string(name)];
        for (const auto& item : value.as_array())
          if (item.is_string()) list.emplace_back(item.as_string());
      }
    }
  }
  return p;
}

}  // namespace motcua::codec
