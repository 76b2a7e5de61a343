#include "app/notifications/preferences.hpp"

#include "store/audit_log.hpp"
#include "store/notification_preferences.hpp"
#include "store/user_repository.hpp"

namespace motcua::app::notifications {

namespace {

AppResult<PreferencesView> view_of(store::SqlConnection& db, const Actor& actor) {
  if (!actor.applicant)
    return tl::unexpected(
        forbidden_action("notification preferences are kept for applicant accounts"));
  const auto user = store::find_user(db, actor.user_id);
  if (!user) return tl::unexpected(not_found("user " + actor.user_id));
  PreferencesView v;
  v.email = user->email;
  v.phone = user->phone;
  if (const auto row = store::find_notification_preferences(db, actor.user_id)) {
    v.mail = row->mail;
    v.sms = row->sms;
    v.zalo = row->zalo;
    v.optional_notices = row->optional_on;
    v.language = row->language;
    v.updated_at = row->updated_at;
  }
  return v;
}

std::string flag(bool b) { return b ? "true" : "false"; }

}  // namespace

AppResult<PreferencesView> my_preferences(store::SqlConnection& db, const Actor& actor) {
  return view_of(db, actor);
}

AppResult<PreferencesView> save_my_preferences(store::SqlConnection& db, const Actor& actor,
                                               const PreferencesInput& in,
                                               const std::string& now_iso) {
  if (in.language != "vi" && in.language != "en")
    return tl::unexpected(invalid_input("'language' must be vi or en"));
  auto before = view_of(db, actor);
  if (!before) return before;
  store::save_notification_preferences(
      db, {actor.user_id, in.mail, in.sms, in.zalo, in.optional_notices, in.language, actor.user_id,
           now_iso});
  // The details are plain flags and a language code: no text of the user's needs escaping.
  store::append_audit(
      db, {0, actor.user_id, now_iso, "notification_preferences.saved", actor.user_id, in.reason,
           "{\"mail\":" + flag(in.mail) + ",\"sms\":" + flag(in.sms) +
               ",\"zalo\":" + flag(in.zalo) + ",\"optional_notices\":" + flag(in.optional_notices) +
               ",\"language\":\"" + in.language + "\"}"});
  return view_of(db, actor);
}

}  // namespace motcua::app::notifications
