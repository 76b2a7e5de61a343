#include "codec/demo_config.hpp"

#include <boost/json.hpp>

#include "codec/json_fields.hpp"

namespace motcua::codec {

namespace json = boost::json;

namespace {

const json::array& array_of(const json::object& o, const char* key) {
  static const json::array kEmpty;
  const auto* v = o.if_contains(key);
  return v != nullptr && v->is_array() ? v->as_array() : kEmpty;
}

// The objects of an array field, skipping anything else.
std::vector<const json::object*> objects_of(const json::object& o, const char* key) {
  std::vector<const json::object*> out;
  for (const auto& v : array_of(o, key)) {
    if (v.is_object()) out.push_back(&v.as_object());
  }
  return out;
}

DemoOfficial official_of(const json::object& o) {
  DemoOfficial official{text_field(o, "username"), text_field(o, "name"), {}};
  // Each grant is a [role, agency id] pair.
  for (const auto& grant : array_of(o, "roles")) {
    const auto* pair = grant.if_array();
    if (pair == nullptr || pair->size() < 2 || !(*pair)[0].is_string() || !(*pair)[1].is_string())
      continue;
    official.roles.emplace_back(std::string((*pair)[0].as_string()),
                                std::string((*pair)[1].as_string()));
  }
  return official;
}

}  // namespace

tl::expected<DemoConfig, std::string> parse_demo_config(const std::string& text) {
  boost::system::error_code ec;
  const auto doc = json::parse(text, ec);
  if (ec || !doc.is_object()) return tl::unexpected(std::string("not a JSON object"));
  const auto& o = doc.as_object();
  DemoConfig c;
  c.province = text_field(o, "province");
  c.password = text_field(o, "password");
  if (const auto* codes = object_field(o, "agency_codes")) {
    for (const auto& [id, code] : *codes) {
      if (code.is_string()) c.agency_codes.emplace_back(std::string(id), code.as_string());
    }
  }
  for (const auto* d : objects_of(o, "departments")) {
    c.departments.push_back({text_field(*d, "id"), text_field(*d, "code"), text_field(*d, "name"),
                             text_field(*d, "name_en")});
  }
  for (const auto* u : objects_of(o, "one_stop_units")) {
    c.one_stop_units.push_back({text_field(*u, "id"), text_field(*u, "agency_id"),
                                text_field(*u, "name"), text_field(*u, "name_en"),
                                text_field(*u, "address")});
  }
  for (const auto* official : objects_of(o, "officials")) {
    c.officials.push_back(official_of(*official));
  }
  for (const auto* citizen : objects_of(o, "citizens")) {
    c.citizens.push_back({text_field(*citizen, "username"), text_field(*citizen, "name"),
                          text_field(*citizen, "id_number"), text_field(*citizen, "email"),
                          text_field(*citizen, "phone")});
  }
  for (const auto& name : array_of(o, "applicant_names")) {
    if (name.is_string()) c.applicant_names.emplace_back(name.as_string());
  }
  for (const auto* p : objects_of(o, "procedures")) {
    const auto* limits = p->if_contains("limits");
    c.procedures.push_back({text_field(*p, "code"), text_field(*p, "level"),
                            text_field(*p, "department"),
                            limits != nullptr ? json::serialize(*limits) : std::string("{}"),
                            text_field(*p, "rule"), text_field(*p, "note")});
  }
  if (c.procedures.empty()) return tl::unexpected(std::string("no 'procedures'"));
  if (c.applicant_names.empty()) return tl::unexpected(std::string("no 'applicant_names'"));
  return c;
}

}  // namespace motcua::codec
