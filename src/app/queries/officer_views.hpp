// What the officials' read-side queries answer; their JSON is in api/json/queries_json.hpp.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace motcua::app {

// An official a picker offers, with every role they hold in the agencies asked about.
struct PickableOfficial {
  struct Grant {
    std::string role;
    std::string agency_id;
    std::string agency_name;
  };
  std::string id;
  std::string display_name;
  std::vector<Grant> roles;
};

// One numbered line of the tracking book (form 07).
struct TrackingBookLine {
  struct Return {
    std::string at;
    std::string receiver_name;
    std::string channel;
  };
  // The register's "Số thứ tự" (and "Quyển số"), not the row's position in this listing; null for
  // a dossier received before the book was numbered.
  std::optional<std::int64_t> line;
  std::optional<std::int64_t> volume;
  std::int64_t sets = 1;  // the sets of papers received
  std::string id;
  std::optional<std::string> code;
  std::string procedure_code;
  std::string procedure_name;
  std::string applicant_name;
  std::string applicant_address;
  std::string applicant_phone;
  std::string agency_id;
  std::string agency_name;
  std::string channel;
  std::string return_channel;
  std::string received_at;
  std::optional<std::string> due;
  std::optional<std::string> finished_at;
  std::string status;
  std::optional<Return> returned;
};

struct TrackingBook {
  struct Unit {
    std::string id;
    std::string name;
    std::string address;
    std::string agency_id;
    std::string agency_name;
    std::string parent_name;
  };
  Unit unit;
  std::string from;
  std::string to;
  std::vector<TrackingBookLine> dossiers;
};

// A search hit: `match` is "exact" or "fuzzy".
struct ProcedureMatch {
  std::string code;
  std::int64_t version = 0;
  std::string name;
  std::string field;
  std::string level;
  std::string match;
};

}  // namespace motcua::app
