#include "app/accounts/personal_data.hpp"

#include "app/accounts/accounts.hpp"
#include "app/admin/admin_users.hpp"
#include "store/audit_log.hpp"
#include "store/dossier_repository.hpp"

namespace motcua::app {

namespace {

// No account has more dossiers than this in a lifetime; the cap only bounds a runaway answer.
constexpr int kMostDossiers = 100000;

AppError reason_required() {
  return AppError{ErrorKind::invalid_input, "reason_required",
                  "Trường 'reason' (lý do, căn cứ yêu cầu của chủ thể dữ liệu) là bắt buộc.",
                  "The field 'reason' (why, on whose request) is required.", "reason"};
}

AppError username_required() {
  return AppError{ErrorKind::invalid_input, "username_required",
                  "Trường 'username' (tên đăng nhập của người yêu cầu) là bắt buộc.",
                  "The field 'username' (the requesting person's user name) is required.",
                  "username"};
}

bool blank(const std::string& s) { return s.find_first_not_of(" \t\r\n") == std::string::npos; }

}  // namespace

AppResult<PersonalDataExport> personal_data(store::SqlConnection& db, DossierService& dossiers,
                                            const std::string& user_id,
                                            const std::string& now_iso) {
  auto account = store::account_data(db, user_id);
  if (!account) return tl::unexpected(not_found("account " + user_id));
  PersonalDataExport out;
  out.generated_at = now_iso;
  out.legal_basis_vi =
      "Quyền được truy cập và cung cấp dữ liệu cá nhân (Điều 9, Điều 14 Nghị định 13/2023/NĐ-CP).";
  out.legal_basis_en =
      "The right of access to and provision of personal data (Decree 13/2023/ND-CP, Art. 9 and "
      "14).";
  // Read with the person's own rights: the views are exactly what they see in their account.
  const Actor self{account->id, account->display_name, account->kind == "applicant", {}};
  // A citizen named by their phone is stored as "phone:" + its hash: the export shows the phone.
  account->username = shown_username(account->username, account->phone);
  out.account = std::move(*account);
  out.identities = store::identity_links_of(db, user_id);
  if (self.applicant) {
    if (auto prefs = notifications::my_preferences(db, self)) out.notification_preferences = *prefs;
  }
  store::DossierFilter filter;
  filter.applicant_id = user_id;
  filter.limit = kMostDossiers;
  for (const auto& record : store::list_dossiers(db, filter)) {
    auto view = dossiers.detail(db, self, record.id);
    if (!view) continue;  // not the person's to see: then not theirs to be given either
    DossierDataExtras extras;
    extras.payments = store::payments_of(db, record.id);
    extras.rating = store::find_rating(db, record.id);
    extras.notices = store::notices_of_dossier(db, record.id);
    out.dossiers.push_back(std::move(*view));
    out.dossier_extras.push_back(std::move(extras));
  }
  out.stored_papers = store::stored_papers_of(db, user_id);
  std::vector<std::string> contacts;
  if (!out.account.email.empty()) contacts.push_back(out.account.email);
  if (!out.account.phone.empty() && out.account.phone != out.account.email)
    contacts.push_back(out.account.phone);
  out.feedback = store::feedback_from_contacts(db, contacts);
  return out;
}

AppResult<PersonalDataExport> personal_data_for_request(
    store::SqlConnection& db, DossierService& dossiers, const Actor& admin,
    const std::string& username, const std::string& reason, const std::string& now_iso) {
  if (auto ok = require_administrator(admin); !ok) return tl::unexpected(ok.error());
  if (blank(username)) return tl::unexpected(username_required());
  if (blank(reason)) return tl::unexpected(reason_required());
  // A citizen's phone is found however the administrator typed it.
  const auto user_id = store::user_id_of_username(db, login_name(username));
  if (!user_id) return tl::unexpected(not_found("user " + audited_name(username)));
  auto data = personal_data(db, dossiers, *user_id, now_iso);
  if (!data) return data;
  // Counts only: the audit log must not become a second copy of what was handed over.
  store::append_audit(db, {0, admin.user_id, now_iso, "personal_data.exported", *user_id, reason,
                           "{\"dossiers\":" + std::to_string(data->dossiers.size()) +
                               ",\"stored_papers\":" + std::to_string(data->stored_papers.size()) +
                               ",\"feedback\":" + std::to_string(data->feedback.size()) + "}"});
  return data;
}

}  // namespace motcua::app
