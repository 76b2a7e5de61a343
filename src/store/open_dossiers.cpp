#include "store/open_dossiers.hpp"

namespace motcua::store {

namespace {

constexpr const char* kOpenDossiers =
    "SELECT id FROM dossiers WHERE (received_s IS NOT NULL OR received_text IS NOT NULL) AND "
    "finished_s IS NULL AND finished_text IS NULL ORDER BY id";

}  // namespace

std::vector<std::string> open_dossier_ids(SqlConnection& db) {
  std::vector<std::string> out;
  for (const auto& row : db.query(kOpenDossiers)) out.push_back(row.text(0));
  return out;
}

}  // namespace motcua::store
