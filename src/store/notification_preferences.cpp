#include "store/notification_preferences.hpp"

namespace motcua::store {

namespace {
constexpr const char* kFind =
    "SELECT user_id, mail, sms, zalo, optional_on, language, updated_by, updated_at "
    "FROM notification_preferences WHERE user_id = ?";
constexpr const char* kSave =
    "INSERT INTO notification_preferences"
    "(user_id, mail, sms, zalo, optional_on, language, updated_by, updated_at) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(user_id) DO UPDATE SET mail = excluded.mail, "
    "sms = excluded.sms, zalo = excluded.zalo, optional_on = excluded.optional_on, "
    "language = excluded.language, updated_by = excluded.updated_by, "
    "updated_at = excluded.updated_at";

std::int64_t flag(bool b) { return b ? 1 : 0; }
}  // namespace

std::optional<NotificationPreferencesRow> find_notification_preferences(
    SqlConnection& db, const std::string& user_id) {
  const auto row = db.query_one(kFind, {user_id});
  if (!row) return std::nullopt;
  return NotificationPreferencesRow{
      row->text(0),         row->integer(1) != 0, row->integer(2) != 0, row->integer(3) != 0,
      row->integer(4) != 0, row->text(5),         row->text(6),         row->text(7)};
}

void save_notification_preferences(SqlConnection& db, const NotificationPreferencesRow& row) {
  db.execute(kSave, {row.user_id, flag(row.mail), flag(row.sms), flag(row.zalo),
                     flag(row.optional_on), row.language, row.updated_by, row.updated_at});
}

}  // namespace motcua::store
