// An applicant's own notification preferences (GET/PUT /api/v1/me/notification-preferences):
// which channels carry their notices, whether optional notices (received, result ready, returned)
// are sent, and the language. Notices the law requires are sent whatever is chosen
// (notice_plan.hpp). A change is recorded in the audit log: who, when, why.
#pragma once

#include <string>

#include "app/common/actor.hpp"
#include "app/common/app_error.hpp"
#include "store/sql.hpp"

namespace motcua::app::notifications {

struct PreferencesInput {
  bool mail = true;
  bool sms = true;
  bool zalo = true;
  bool optional_notices = true;
  std::string language = "vi";
  std::string reason;  // optional: why the applicant changed them
};

struct PreferencesView {
  bool mail = true;
  bool sms = true;
  bool zalo = true;
  bool optional_notices = true;
  std::string language = "vi";
  // Where notices go, from the account (a dossier's own contacts come first for its notices).
  std::string email;
  std::string phone;
  std::string updated_at;  // empty: never changed, the defaults apply
};

AppResult<PreferencesView> my_preferences(store::SqlConnection& db, const Actor& actor);
AppResult<PreferencesView> save_my_preferences(store::SqlConnection& db, const Actor& actor,
                                               const PreferencesInput& input,
                                               const std::string& now_iso);

}  // namespace motcua::app::notifications
