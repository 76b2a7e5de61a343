// An Open311 GeoReport v2 service: a kind of feedback on administrative regulations offered to
// Open311 clients (data/templates/open311-services.json), with the attributes it asks for.
#pragma once

#include <string>
#include <vector>

namespace motcua::engagement {

struct Open311Value {
  std::string key;
  std::string name;
};

// One question of a service definition. datatype: string | number | datetime | text |
// singlevaluelist | multivaluelist (GeoReport v2 "GET Service Definition").
struct Open311Attribute {
  std::string code;
  std::string datatype;
  bool required = false;
  int order = 0;
  std::string datatype_description;
  std::string description;
  std::vector<Open311Value> values;
};

struct Open311Service {
  std::string service_code;
  std::string service_name;
  std::string description;
  std::string keywords;
  std::string group;
  std::vector<Open311Attribute> attributes;
  // GeoReport: "metadata" is true when the service has a definition with attributes.
  bool metadata() const { return !attributes.empty(); }
};

}  // namespace motcua::engagement
