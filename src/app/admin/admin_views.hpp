// What the administration use cases answer: agencies with their one-stop units, officials with
// their role grants. src/api/json/admin_json.cpp encodes them with the field names the web app
// reads.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace motcua::app {

struct UnitView {
  std::string id;
  std::string agency_id;
  std::string name;
  std::string name_en;
  std::string address;
};

struct AgencyView {
  std::string id;
  std::string code;
  std::string name;
  std::string name_en;
  std::string kind;
  std::optional<std::string> parent_id;  // null for a root agency
  std::vector<UnitView> units;
};

struct OfficialGrantView {
  std::string role;
  std::string agency_id;
  std::string agency_name;
};

// An official without their password hash.
struct OfficialView {
  std::string id;
  std::string username;
  std::string display_name;
  std::string email;
  std::string phone;
  bool disabled = false;
  std::int64_t version = 1;
  std::string created_at;
  std::vector<OfficialGrantView> grants;
};

}  // namespace motcua::app
