// The demo province's configuration file (data/demo/*.json) as plain types, so that the demo
// builder reads fields instead of JSON. Absent or mistyped text fields read as "".
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "tl/expected.hpp"

namespace motcua::codec {

struct DemoDepartment {
  std::string id;
  std::string code;
  std::string name;
  std::string name_en;
};

struct DemoUnit {
  std::string id;
  std::string agency_id;
  std::string name;
  std::string name_en;
  std::string address;
};

struct DemoOfficial {
  std::string username;
  std::string name;
  std::vector<std::pair<std::string, std::string>> roles;  // (role, agency id)
};

struct DemoCitizen {
  std::string username;
  std::string name;
  std::string id_number;
  std::string email;
  std::string phone;
};

struct DemoProcedure {
  std::string code;
  std::string level;       // commune, province
  std::string department;  // the deciding department of a provincial procedure
  std::string limits;      // the local time limits as a JSON object text ("{}" when absent)
  std::string rule;
  std::string note;
};

struct DemoConfig {
  std::string province;                                           // GSO code, e.g. "37"
  std::string password;                                           // of every demo account
  std::vector<std::pair<std::string, std::string>> agency_codes;  // (agency id, code), file order
  std::vector<DemoDepartment> departments;
  std::vector<DemoUnit> one_stop_units;
  std::vector<DemoOfficial> officials;
  std::vector<DemoCitizen> citizens;
  std::vector<std::string> applicant_names;  // walk-in applicants
  std::vector<DemoProcedure> procedures;
};

// Parses the file's text; fails when it is not a JSON object, or when it has no procedures or no
// applicant names (the dossier simulation draws from both).
tl::expected<DemoConfig, std::string> parse_demo_config(const std::string& text);

}  // namespace motcua::codec
