#include "store/calendar_version.hpp"

namespace motcua::store {

std::string calendar_fingerprint(SqlConnection& db) {
  std::string out;
  for (const auto& row : db.query("SELECT year, version FROM calendar_years ORDER BY year")) {
    out += std::to_string(row.integer(0)) + ":" + std::to_string(row.integer(1)) + ";";
  }
  return out;
}

}  // namespace motcua::store
