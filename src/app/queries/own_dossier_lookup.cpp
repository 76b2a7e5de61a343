#include "app/queries/own_dossier_lookup.hpp"

#include <tuple>

#include "app/dossier/dossier_document.hpp"
#include "app/dossier/dossier_views.hpp"
#include "domain/calendar/date.hpp"
#include "store/dossier_repository.hpp"
#include "store/tracking_secrets.hpp"

namespace motcua::app {

namespace {

constexpr int kMostDossiers = 50;

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Digits only, once the separators people type (spaces, dots, hyphens, brackets) are dropped;
// empty when anything else is in the text.
std::string digits_of(const std::string& typed, bool allow_plus) {
  std::string digits;
  for (std::size_t i = 0; i < typed.size(); ++i) {
    const char c = typed[i];
    if (is_digit(c)) {
      digits.push_back(c);
    } else if (c == '+' && allow_plus && digits.empty()) {
      continue;
    } else if (c != ' ' && c != '.' && c != '-' && c != '(' && c != ')' && c != '\t') {
      return {};
    }
  }
  return digits;
}

AppError invalid_field(const std::string& code, const std::string& vi, const std::string& en,
                       const std::string& detail) {
  return {ErrorKind::invalid_input, code, vi, en, detail};
}

}  // namespace

std::string normalize_phone(const std::string& typed) {
  std::string digits = digits_of(typed, true);
  // +84 912 345 678 and 0912 345 678 are the same number.
  if (digits.size() >= 11 && digits.starts_with("84")) digits = "0" + digits.substr(2);
  if (digits.size() < 10 || digits.size() > 11 || digits[0] != '0') return {};
  return digits;
}

AppResult<OwnDossierLookup> read_own_dossier_lookup(const OwnDossierLookup& typed) {
  const std::string id_number = digits_of(typed.id_number, false);
  if (id_number.size() != 12) {
    return tl::unexpected(invalid_field(
        "invalid_id_number", "Số định danh cá nhân (id_number) phải gồm đúng 12 chữ số.",
        "The personal ID number (id_number) must be exactly 12 digits.",
        "id_number: not 12 digits"));
  }
  const std::string phone = normalize_phone(typed.phone);
  if (phone.empty()) {
    return tl::unexpected(invalid_field(
        "invalid_phone",
        "Số điện thoại (phone) không hợp lệ: cần 10 hoặc 11 chữ số, bắt đầu bằng 0 hoặc +84.",
        "The phone number (phone) is not valid: 10 or 11 digits, starting with 0 or +84.",
        "phone: not a Vietnamese phone number"));
  }
  return OwnDossierLookup{id_number, phone};
}

std::vector<OwnDossierItem> own_dossiers(store::SqlConnection& db, const OwnDossierLookup& lookup,
                                         int offset) {
  std::vector<OwnDossierItem> out;
  for (const auto& r : store::dossiers_of_applicant_id(db, lookup.id_number, kMostDossiers)) {
    if (!r.submitted_at) continue;  // a draft, kept or thrown away, was never sent
    const auto document = document_from_json(db, r.document);
    if (normalize_phone(document.applicant.phone) != lookup.phone) continue;
    const auto status = dossier::parse_status(r.status);
    if (!status) continue;
    OwnDossierItem item;
    item.code = r.code;
    if (r.code) {
      auto secret = store::tracking_secret_of(db, r.id);
      if (!secret.empty()) item.tracking_secret = std::move(secret);
    }
    item.procedure_name = document.procedure_name;
    item.status = *status;
    std::tie(item.status_label_vi, item.status_label_en) = tracking_status_label(*status);
    item.submitted_at = r.submitted_at;
    item.received_at = r.received_at;
    if (r.due_s) item.due = to_iso(Instant{*r.due_s}, offset);
    out.push_back(std::move(item));
  }
  return out;
}

}  // namespace motcua::app
