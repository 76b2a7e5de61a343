#include "store/tracking_secrets.hpp"

namespace motcua::store {

std::string tracking_secret_of(SqlConnection& db, const std::string& dossier_id) {
  const auto row = db.query_one("SELECT tracking_secret FROM dossiers WHERE id = ?", {dossier_id});
  if (!row) return {};
  return row->optional_text(0).value_or("");
}

std::optional<TrackingKey> tracking_key_by_code(SqlConnection& db, const std::string& code) {
  // The code's unique index, then one row: no join, no sealed column, no event.
  const auto row =
      db.query_one("SELECT id, version, tracking_secret FROM dossiers WHERE code = ?", {code});
  if (!row) return std::nullopt;
  return TrackingKey{row->text(0), row->integer(1), row->optional_text(2).value_or("")};
}

void set_tracking_secret(SqlConnection& db, const std::string& dossier_id,
                         const std::string& secret) {
  db.execute("UPDATE dossiers SET tracking_secret = ? WHERE id = ? AND tracking_secret IS NULL",
             {secret, dossier_id});
}

}  // namespace motcua::store
