#include "store/open_dossiers.hpp"

namespace motcua::store {

namespace {

constexpr const char* kOpenDossiers =
    "SELECT id FROM dossiers WHERE received_at IS NOT NULL AND finished_at IS NULL ORDER BY id";

}  // namespace

std::vector<std::string> open_dossier_ids(SqlConnection& db) {
  std::vector<std::string> out;
  for (const auto& row : db.query(kOpenDossiers)) out.push_back(row.text(0));
  return out;
}

}  // namespace motcua::store
