#include "app/notifications/applicant_notices.hpp"

#include "app/notifications/notice_plan.hpp"
#include "codec/notice_payload.hpp"
#include "store/agency_repository.hpp"
#include "store/notification_preferences.hpp"
#include "store/outbox.hpp"
#include "store/tracking_secrets.hpp"
#include "store/user_repository.hpp"

namespace motcua::app::notifications {

namespace {

Preferences preferences_of(store::SqlConnection& db, const store::DossierRecord& record) {
  Preferences p;
  if (!record.applicant_id) return p;
  if (const auto row = store::find_notification_preferences(db, *record.applicant_id))
    p = Preferences{row->mail, row->sms, row->zalo, row->optional_on, row->language};
  return p;
}

// The dossier's own contacts first (what the applicant wrote on the form, or the reception
// official typed at the counter); the account's when the dossier has none.
Contacts contacts_of(store::SqlConnection& db, const store::DossierRecord& record,
                     const codec::DossierDocument& document) {
  Contacts c{document.applicant.email, document.applicant.phone};
  if ((c.email.empty() || c.phone.empty()) && record.applicant_id) {
    if (const auto user = store::find_user(db, *record.applicant_id)) {
      if (c.email.empty()) c.email = user->email;
      if (c.phone.empty()) c.phone = user->phone;
    }
  }
  return c;
}

std::optional<Instant> first_due(const std::vector<dossier::Event>& events) {
  for (const auto& e : events)
    if (const auto* a = std::get_if<dossier::Accept>(&e.command)) return a->due;
  return std::nullopt;
}

}  // namespace

int write_applicant_notices(store::SqlConnection& db, const calendar::WorkingCalendar& cal,
                            const store::DossierRecord& record,
                            const codec::DossierDocument& document,
                            const std::vector<dossier::Event>& events, const dossier::Event& event,
                            const std::string& key, Instant now) {
  // Whether the event tells the applicant anything depends on its kind alone: most changes of
  // state (an assignment, a hand-over) do not, and then nothing is looked up (issue 17, writer
  // CPU).
  if (!notice_for(event, DossierFacts{}, cal)) return 0;
  const Preferences prefs = preferences_of(db, record);
  DossierFacts facts{
      record.id,
      record.code.value_or(""),
      store::tracking_secret_of(db, record.id),
      document.procedure_name,
      "",
      document.applicant.name.empty() ? record.applicant_name : document.applicant.name,
      first_due(events)};
  if (const auto agency = store::find_agency(db, record.agency_id)) {
    facts.agency_name =
        prefs.language == "en" && !agency->name_en.empty() ? agency->name_en : agency->name;
  }
  const auto notice = notice_for(event, facts, cal);
  if (!notice) return 0;
  const auto rows = channels_for(*notice, contacts_of(db, record, document), prefs);
  const std::string now_iso = to_iso(now, cal.utc_offset_minutes());
  int written = 0;
  for (const auto& row : rows) {
    const codec::NoticePayload payload{
        row.to,    prefs.language, notice->template_key, notice->required,
        record.id, notice->params, notice->list_params,  notice->status};
    if (store::enqueue_outbox(db, row.topic, key + ":" + row.topic,
                              codec::notice_payload_to_text(payload), now_iso, now.seconds,
                              record.id))
      ++written;
  }
  return written;
}

}  // namespace motcua::app::notifications
