// The right of access (Decree 13/2023/ND-CP on personal data protection, Art. 9 point 3 and Art.
// 14): a person may have every personal datum held on them. One export gathers it (issue 18 point
// 6, docs/rules.md "Right of access"):
//   - the account (with the ID number given at sign-up) and its identity-provider links (VNeID),
//   - the notification preferences,
//   - every dossier the account filed, as the applicant sees it: its papers list, timeline
//     (events), fee, and beside it its payments, its rating and the notices sent about it,
//   - the papers kept in "my papers",
//   - the feedback sent with the account's e-mail or phone.
// Nothing of anyone else: the dossiers are the account's own (applicant_id), read with the
// applicant's own rights; counter dossiers that only carry the same ID number are not included,
// since an ID number typed at sign-up proves nothing (the one-stop desk checks the paper ID).
// Hashes, session tokens and one-time codes are not personal data of the person but secrets of
// the system, and are left out.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/common/actor.hpp"
#include "app/common/app_error.hpp"
#include "app/dossier/dossier_service.hpp"
#include "app/notifications/preferences.hpp"
#include "store/payment_repository.hpp"
#include "store/personal_data_queries.hpp"
#include "store/rating_repository.hpp"
#include "store/sql.hpp"
#include "store/stored_paper_repository.hpp"

namespace motcua::app {

struct DossierDataExtras {
  std::vector<store::PaymentRow> payments;
  std::optional<store::RatingRecord> rating;
  std::vector<store::NoticeRow> notices;
};

struct PersonalDataExport {
  std::string generated_at;
  std::string legal_basis_vi;
  std::string legal_basis_en;
  store::AccountDataRow account;
  std::vector<store::IdentityLinkRow> identities;
  std::optional<notifications::PreferencesView> notification_preferences;
  std::vector<DossierView> dossiers;
  std::vector<DossierDataExtras> dossier_extras;  // one per dossier, same order
  std::vector<store::StoredPaperRecord> stored_papers;
  std::vector<store::FeedbackDataRow> feedback;
};

// Everything held on the account `user_id`; not_found when there is no such account.
AppResult<PersonalDataExport> personal_data(store::SqlConnection& db, DossierService& dossiers,
                                            const std::string& user_id, const std::string& now_iso);

// An administrator produces the export of a named person (user name) on that person's request:
// the reason (the request's reference, how the person was identified) is required, and the
// export is written to the audit log (who, when, for whom, why; not its content) before it is
// given. Runs in the write transaction so the audit row and the export are one act.
AppResult<PersonalDataExport> personal_data_for_request(
    store::SqlConnection& db, DossierService& dossiers, const Actor& admin,
    const std::string& username, const std::string& reason, const std::string& now_iso);

}  // namespace motcua::app
