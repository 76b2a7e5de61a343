#include "store/official_directory.hpp"

namespace motcua::store {

namespace {

constexpr const char* kOfficialsOf =
    "SELECT u.id, u.display_name, r.role, r.agency_id, a.name FROM user_roles r "
    "JOIN users u ON u.id = r.user_id JOIN agencies a ON a.id = r.agency_id "
    "WHERE r.agency_id = ? AND u.disabled = 0 AND u.kind = 'official' ORDER BY u.display_name, "
    "u.id";
constexpr const char* kProcessesOf =
    "SELECT p.document FROM processes p WHERE p.agency_id = ? AND p.version = "
    "(SELECT MAX(version) FROM processes WHERE id = p.id)";

}  // namespace

std::vector<OfficialGrantRow> official_grants_in(SqlConnection& db, const std::string& agency_id) {
  std::vector<OfficialGrantRow> out;
  for (const auto& r : db.query(kOfficialsOf, {agency_id})) {
    out.push_back({r.text(0), r.text(1), r.text(2), r.text(3), r.text(4)});
  }
  return out;
}

std::vector<std::string> process_documents_of(SqlConnection& db, const std::string& agency_id) {
  std::vector<std::string> out;
  for (const auto& r : db.query(kProcessesOf, {agency_id})) out.push_back(r.text(0));
  return out;
}

}  // namespace motcua::store
