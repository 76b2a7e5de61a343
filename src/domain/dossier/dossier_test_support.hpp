// Test-only helpers shared by the dossier tests: a fixed "now", a typical state for each status,
// and commands with sensible default payloads. Header-only so that it never enters the library.
#pragma once

#include <string>

#include "domain/calendar/date.hpp"
#include "domain/dossier/commands.hpp"
#include "domain/dossier/dossier_state.hpp"
#include "domain/dossier/roles.hpp"
#include "domain/dossier/status.hpp"

namespace motcua::dossier::test_support {

inline constexpr int kVietnamOffsetMinutes = 420;
inline constexpr Vnd kFee = 150000;
inline constexpr const char* kDossierCode = "000.20.30.H40-260306-0012";

// Friday 2026-03-06, 09:00 in Hanoi.
inline Instant now() {
  return from_local(date_from_ymd(2026, 3, 6), 9 * kSecondsPerHour, kVietnamOffsetMinutes);
}
inline Instant days_later(int days) { return Instant{now().seconds + days * kSecondsPerDay}; }

// A dossier as it typically is in `status`, reached the usual way: received at the counter,
// handled by one official, paused states coming from review.
inline DossierState state_in(DossierStatus status) {
  using S = DossierStatus;
  DossierState s;
  s.status = status;
  if (status == S::draft) return s;
  s.submitted_at = days_later(-3);
  if (status == S::submitted || status == S::refused_at_receipt) {
    if (status == S::refused_at_receipt) s.closed_at = days_later(-1);
    return s;
  }
  s.received_at = days_later(-2);
  s.dossier_code = kDossierCode;
  s.due = days_later(10);
  if (status == S::received) return s;
  s.assignee = "cb.tran.thi.b";
  s.step = "tham_dinh";
  switch (status) {
    case S::awaiting_supplement:
      s.resume_after_supplement = S::in_progress;
      s.missing_items = {"Bản sao Giấy chứng nhận quyền sử dụng đất"};
      s.supplement_requests = 1;
      break;
    case S::awaiting_payment:
      s.resume_after_payment = S::in_progress;
      s.payment_outstanding = kFee;
      break;
    case S::withdrawal_requested:
      s.resume_after_withdrawal = S::in_progress;
      break;
    case S::result_ready:
      s.result_kind = ResultKind::approval;
      s.completed_at = days_later(-1);
      break;
    case S::returned:
    case S::stopped:
      s.result_kind = status == S::returned ? std::optional(ResultKind::approval) : std::nullopt;
      s.closed_at = days_later(-1);
      break;
    default:
      break;
  }
  return s;
}

// A command that passes its payload checks against state_in(): every required field filled,
// amounts matching what is owed, dates in the future. The system returns results online.
inline Command sample_command(CommandKind kind, Role role = Role::reception) {
  using C = CommandKind;
  switch (kind) {
    case C::submit:
      return Submit{role == Role::applicant ? Channel::online : Channel::counter};
    case C::accept:
      return Accept{kDossierCode, days_later(10)};
    case C::request_supplement:
      return RequestSupplement{{"Bản sao Giấy chứng nhận quyền sử dụng đất", "Sơ đồ thửa đất"},
                               "Thiếu giấy tờ theo quy định của thủ tục"};
    case C::provide_supplement:
      return ProvideSupplement{{"Bản sao Giấy chứng nhận quyền sử dụng đất"}};
    case C::refuse:
      return Refuse{{"Thủ tục không thuộc thẩm quyền giải quyết của cơ quan"}};
    case C::assign:
      return Assign{"cb.tran.thi.b", "tham_dinh"};
    case C::forward:
      return Forward{"ld.le.van.c", "phe_duyet"};
    case C::send_back:
      return SendBack{"cb.tran.thi.b", "tham_dinh", "Cần thẩm định lại diện tích"};
    case C::consult:
      return Consult{"000.00.12.H40", "Đề nghị cho ý kiến về quy hoạch", {}};
    case C::reply_to_consultation:
      return ReplyToConsultation{"000.00.12.H40", "Thống nhất"};
    case C::request_payment:
      return RequestPayment{kFee, "Lệ phí cấp giấy chứng nhận"};
    case C::confirm_payment:
      return ConfirmPayment{kFee, "BL-0001234"};
    case C::issue_apology:
      return IssueApology{"Cần thêm thời gian xác minh thực địa", days_later(20), {}};
    case C::approve:
      return Approve{"Đồng ý cấp"};
    case C::reject_after_review:
      return RejectAfterReview{{"Thửa đất đang có tranh chấp"}};
    case C::return_result:
      return ReturnResult{role == Role::system ? Channel::online : Channel::counter,
                          "Nguyễn Văn A"};
    case C::request_withdrawal:
      return RequestWithdrawal{"Không còn nhu cầu"};
    case C::cancel_withdrawal:
      return CancelWithdrawal{};
    case C::stop:
      return Stop{"Công dân rút hồ sơ"};
  }
  return Submit{};
}

// The same command with every text and list left blank and every amount zero: what a form
// submitted without being filled in would send.
inline Command blank_command(CommandKind kind) {
  using C = CommandKind;
  switch (kind) {
    case C::accept:
      return Accept{"", now()};
    case C::issue_apology:
      return IssueApology{"", days_later(20), {}};
    case C::return_result:
      return ReturnResult{Channel::counter, ""};
    case C::request_supplement:
      return RequestSupplement{};
    case C::provide_supplement:
      return ProvideSupplement{};
    case C::refuse:
      return Refuse{};
    case C::assign:
      return Assign{};
    case C::forward:
      return Forward{};
    case C::send_back:
      return SendBack{};
    case C::consult:
      return Consult{};
    case C::reply_to_consultation:
      return ReplyToConsultation{};
    case C::request_payment:
      return RequestPayment{};
    case C::confirm_payment:
      return ConfirmPayment{};
    case C::reject_after_review:
      return RejectAfterReview{};
    case C::stop:
      return Stop{};
    default:
      return sample_command(kind);  // nothing to leave blank
  }
}

}  // namespace motcua::dossier::test_support
