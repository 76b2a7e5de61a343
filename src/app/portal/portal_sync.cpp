#include "app/portal/portal_sync.hpp"

#include "app/portal/sync_record.hpp"
#include "store/account_repository.hpp"
#include "store/agency_repository.hpp"
#include "store/identity_repository.hpp"
#include "store/outbox.hpp"
#include "store/result_repository.hpp"

namespace motcua::app::portal {

void enqueue_portal_sync(store::SqlConnection& db, const calendar::WorkingCalendar& cal,
                         const store::DossierRecord& dossier, const DossierDocument& document,
                         const History& history, std::size_t event_index, std::int64_t seq,
                         Instant now) {
  // No portal link configured: the row would not be written, so the record is not built either.
  if (store::outbox_topic_skipped(kSyncTopic)) return;
  const auto agency = store::find_agency(db, dossier.agency_id);
  SyncSource source{dossier.procedure_code,
                    agency ? agency->code : dossier.agency_id,
                    dossier.channel,
                    document,
                    history,
                    [&db](const std::string& user_id) {
                      const auto user = store::find_active_user(db, user_id);
                      return user && !user->display_name.empty() ? user->display_name : user_id;
                    },
                    std::nullopt};
  if (const auto result = store::find_result_file(db, dossier.id)) {
    source.result_file = codec::PortalPaper{"Kết quả giải quyết hồ sơ (bản điện tử có chữ ký số)",
                                            result->file_name,
                                            result->sha256,
                                            true,
                                            false,
                                            "/api/v1/dossiers/" + dossier.id + "/result.pdf"};
  }
  auto record = build_sync_record(cal, source, event_index + 1);
  // A counter or post dossier is sent and received in one instant, its code given with the
  // receipt: the portal knows it by that code from its first record. A dossier with no code yet
  // (none is synced before it is sent) has nothing the portal could file it under.
  if (record.dossier_code.empty()) record.dossier_code = dossier.code.value_or("");
  if (record.dossier_code.empty()) return;
  // TaiKhoanDuocXacThucVoiVNeID: the applicant's account logged in through the identity provider
  // (the national portal's SSO, VNeID), so who submitted is known, not only declared.
  record.vneid_verified =
      dossier.applicant_id && store::identity_verified(db, *dossier.applicant_id);
  store::enqueue_outbox(db, kSyncTopic, dossier.id + ":" + std::to_string(seq) + ":dvcqg",
                        codec::portal_sync_record_to_text(record),
                        to_iso(now, cal.utc_offset_minutes()), now.seconds, dossier.id);
}

}  // namespace motcua::app::portal
