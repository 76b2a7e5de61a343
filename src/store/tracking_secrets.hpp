// The tracking secret of each dossier (migration 0050, domain/dossier/tracking_secret.hpp), kept in
// its own column of `dossiers` and read apart from the dossier record: only the public tracking
// page, the receipt, the notices and the readers of the dossier need it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "store/sql.hpp"

namespace motcua::store {

// Empty when the dossier has none (never the case after migration 0050) or does not exist.
std::string tracking_secret_of(SqlConnection& db, const std::string& dossier_id);
// What the public tracking page checks before anything else: the dossier a code names, its
// version (bumped by every change, so a view rendered at one version can be kept) and its secret.
struct TrackingKey {
  std::string dossier_id;
  std::int64_t version = 0;
  std::string tracking_secret;  // empty when none
};
std::optional<TrackingKey> tracking_key_by_code(SqlConnection& db, const std::string& code);

// Given once, when the dossier is first written; never changed after.
void set_tracking_secret(SqlConnection& db, const std::string& dossier_id,
                         const std::string& secret);

}  // namespace motcua::store
