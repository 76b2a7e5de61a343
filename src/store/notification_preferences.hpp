// An applicant's notification preferences (migration 0025): channels wanted, optional notices on
// or off, language. No row: the defaults of NotificationPreferencesRow.
#pragma once

#include <optional>
#include <string>

#include "store/sql.hpp"

namespace motcua::store {

struct NotificationPreferencesRow {
  std::string user_id;
  bool mail = true;
  bool sms = true;
  bool zalo = true;
  bool optional_on = true;
  std::string language = "vi";
  std::string updated_by;
  std::string updated_at;
};

std::optional<NotificationPreferencesRow> find_notification_preferences(SqlConnection& db,
                                                                        const std::string& user_id);
// Inserts or replaces the row of `row.user_id`.
void save_notification_preferences(SqlConnection& db, const NotificationPreferencesRow& row);

}  // namespace motcua::store
