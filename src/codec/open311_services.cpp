#include "codec/open311_services.hpp"

#include <algorithm>
#include <boost/json.hpp>

namespace motcua::codec {

namespace {

std::string text_of(const boost::json::object& o, const char* key) {
  const auto* v = o.if_contains(key);
  return v && v->is_string() ? std::string(v->as_string()) : std::string();
}

tl::expected<engagement::Open311Attribute, std::string> attribute_of(const boost::json::value& v) {
  const auto* o = v.if_object();
  if (!o) return tl::unexpected(std::string("an attribute is not an object"));
  engagement::Open311Attribute a;
  a.code = text_of(*o, "code");
  a.datatype = text_of(*o, "datatype");
  a.datatype_description = text_of(*o, "datatype_description");
  a.description = text_of(*o, "description");
  if (const auto* r = o->if_contains("required"); r && r->is_bool()) a.required = r->as_bool();
  if (const auto* n = o->if_contains("order"); n && n->is_int64())
    a.order = static_cast<int>(n->as_int64());
  if (const auto* values = o->if_contains("values"); values && values->is_array()) {
    for (const auto& value : values->as_array()) {
      const auto* vo = value.if_object();
      if (!vo) return tl::unexpected("attribute " + a.code + ": a value is not an object");
      a.values.push_back({text_of(*vo, "key"), text_of(*vo, "name")});
    }
  }
  static const char* const kTypes[] = {"string", "number",          "datetime",
                                       "text",   "singlevaluelist", "multivaluelist"};
  if (a.code.empty() || a.description.empty())
    return tl::unexpected(std::string("an attribute lacks its code or description"));
  if (std::find(std::begin(kTypes), std::end(kTypes), a.datatype) == std::end(kTypes))
    return tl::unexpected("attribute " + a.code + ": unknown datatype '" + a.datatype + "'");
  const bool list = a.datatype.ends_with("valuelist");
  if (list == a.values.empty())
    return tl::unexpected("attribute " + a.code + ": values belong to list datatypes only");
  return a;
}

}  // namespace

tl::expected<std::vector<engagement::Open311Service>, std::string> parse_open311_services(
    std::string_view text) {
  boost::system::error_code ec;
  const auto doc = boost::json::parse(text, ec);
  if (ec || !doc.is_object()) return tl::unexpected(std::string("not a JSON object"));
  const auto* services = doc.as_object().if_contains("services");
  if (!services || !services->is_array())
    return tl::unexpected(std::string("'services' is not a list"));
  std::vector<engagement::Open311Service> out;
  for (const auto& s : services->as_array()) {
    const auto* o = s.if_object();
    if (!o) return tl::unexpected(std::string("a service is not an object"));
    engagement::Open311Service service{text_of(*o, "service_code"), text_of(*o, "service_name"),
                                       text_of(*o, "description"),  text_of(*o, "keywords"),
                                       text_of(*o, "group"),        {}};
    if (service.service_code.empty() || service.service_name.empty())
      return tl::unexpected(std::string("a service lacks its service_code or service_name"));
    if (const auto* attrs = o->if_contains("attributes"); attrs && attrs->is_array()) {
      for (const auto& a : attrs->as_array()) {
        auto attribute = attribute_of(a);
        if (!attribute) return tl::unexpected(service.service_code + ": " + attribute.error());
        service.attributes.push_back(std::move(*attribute));
      }
    }
    out.push_back(std::move(service));
  }
  return out;
}

}  // namespace motcua::codec
