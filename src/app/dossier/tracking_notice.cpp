#include "app/dossier/tracking_notice.hpp"

#include <variant>

namespace motcua::app {

using dossier::DossierStatus;

namespace {

// The words after "chờ:" for each pause, and its short name in the JSON.
struct PauseWords {
  DossierStatus status;
  const char* kind;
  const char* vi;
  const char* en;
};

constexpr PauseWords kPauses[] = {
    {DossierStatus::awaiting_supplement, "supplement", "người nộp bổ sung giấy tờ",
     "the applicant to supply missing papers"},
    {DossierStatus::awaiting_payment, "payment", "người nộp nộp phí, lệ phí",
     "the applicant to pay the fee"},
    {DossierStatus::withdrawal_requested, "withdrawal", "cơ quan xem xét yêu cầu rút hồ sơ",
     "the agency to decide on the withdrawal request"},
};

}  // namespace

std::optional<PauseNotice> pause_notice(const History& h, int offset) {
  const auto status = h.state.status;
  const PauseWords* words = nullptr;
  for (const auto& p : kPauses)
    if (p.status == status) words = &p;
  if (!words) return std::nullopt;

  PauseNotice notice;
  notice.kind = words->kind;
  notice.waiting_vi = words->vi;
  notice.waiting_en = words->en;
  // The pause began with the last event that entered this status from another one; the request
  // it carried says why.
  for (auto e = h.events.rbegin(); e != h.events.rend(); ++e) {
    if (e->to != status || e->from == status) continue;
    notice.since = to_iso(e->at, offset);
    if (const auto* s = std::get_if<dossier::RequestSupplement>(&e->command)) {
      notice.reason = s->reason;
    } else if (const auto* w = std::get_if<dossier::RequestWithdrawal>(&e->command)) {
      notice.reason = w->reason;
    }
    break;
  }
  if (status == DossierStatus::awaiting_supplement) notice.missing_items = h.state.missing_items;
  if (status == DossierStatus::awaiting_payment) notice.fee_owed = h.state.payment_outstanding;
  return notice;
}

std::optional<ApologyNotice> apology_notice(const History& h, int offset) {
  for (auto e = h.events.rbegin(); e != h.events.rend(); ++e) {
    if (const auto* a = std::get_if<dossier::IssueApology>(&e->command))
      return ApologyNotice{to_iso(e->at, offset), a->reason, to_iso(a->new_due, offset)};
  }
  return std::nullopt;
}

}  // namespace motcua::app
