#include "app/notifications/official_notices.hpp"

#include "app/notifications/notice_plan.hpp"
#include "codec/notice_payload.hpp"
#include "store/outbox.hpp"
#include "store/user_repository.hpp"

namespace motcua::app::notifications {

std::string official_template(const std::string& kind) {
  if (kind == "overdue") return "official_overdue";
  if (kind == "step_overrun") return "official_step_overrun";
  return "official_due_soon";  // due_soon, step_due_soon
}

int write_official_mail(store::SqlConnection& db, const calendar::WorkingCalendar& cal,
                        const OfficialAlert& alert, const std::vector<std::string>& recipients,
                        const std::string& key, Instant now) {
  const std::string now_iso = to_iso(now, cal.utc_offset_minutes());
  int written = 0;
  for (const auto& id : recipients) {
    const auto user = store::find_user(db, id);
    if (!user || user->disabled) continue;
    const std::string email = clean_email(user->email);
    if (email.empty()) continue;
    codec::NoticePayload payload;
    payload.to = email;
    payload.lang = "vi";  // officials work in Vietnamese; the templates have English too
    payload.template_key = official_template(alert.kind);
    payload.required = true;
    payload.dossier_id = alert.dossier_id;
    payload.params = {{"official_name", user->display_name},
                      {"dossier_code", alert.dossier_code},
                      {"procedure_name", alert.procedure_name},
                      {"step_name", alert.step},
                      {"due_date", notice_date(cal, alert.due)},
                      {"tracking_url", "/dossiers/" + alert.dossier_id}};
    if (store::enqueue_outbox(db, "mail", key + ":mail:" + id,
                              codec::notice_payload_to_text(payload), now_iso, now.seconds))
      ++written;
  }
  return written;
}

}  // namespace motcua::app::notifications
