#include "app/payments/payments.hpp"

#include <random>

#include "app/dossier/dossier_access.hpp"
#include "app/dossier/dossier_history.hpp"
#include "app/payments/payment_facts.hpp"
#include "app/payments/refunds.hpp"
#include "codec/iso_time.hpp"
#include "store/dossier_repository.hpp"
#include "store/event_log.hpp"
#include "store/payment_repository.hpp"

namespace motcua::app::payments {

namespace {

std::string random_text(const char* alphabet, std::size_t alphabet_size, int length) {
  static thread_local std::mt19937_64 rng{std::random_device{}()};
  std::string out;
  for (int i = 0; i < length; ++i) out.push_back(alphabet[rng() % alphabet_size]);
  return out;
}

std::string new_payment_id() { return new_row_id("pay_"); }

// vnp_TxnRef: unique per terminal; upper-case letters and digits, readable over the phone.
std::string new_txn_ref() {
  static constexpr char kChars[] = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  return "MC" + random_text(kChars, sizeof kChars - 1, 14);
}

AppError refusal(ErrorKind kind, const char* code, const char* vi, const char* en,
                 const std::string& detail) {
  return AppError{kind, code, vi, en, detail};
}

std::string redirect_url_of(const store::PaymentRow& p, const store::DossierRecord& record,
                            const GatewaySettings& gateway, const PaymentStart& input, int offset) {
  const auto created = codec::parse_iso_instant(p.created_at, offset);
  const auto expires = codec::parse_iso_instant(p.expires_at, offset);
  VnpParams params{
      {"vnp_Version", "2.1.0"},
      {"vnp_Command", "pay"},
      {"vnp_TmnCode", gateway.terminal},
      {"vnp_Amount", vnpay_amount(p.amount_vnd)},
      {"vnp_CurrCode", "VND"},
      {"vnp_TxnRef", p.txn_ref},
      // VNPAY asks for plain ASCII here (no diacritics).
      {"vnp_OrderInfo", "Thanh toan phi ho so " + record.code.value_or(record.id)},
      {"vnp_OrderType", "other"},
      {"vnp_Locale", input.locale == "en" ? "en" : "vn"},
      // The return page reads this payment by its id (never from the vnp_* fields it carries).
      {"vnp_ReturnUrl", input.return_url + "?payment=" + p.id},
      {"vnp_IpAddr", input.client_ip.empty() ? "127.0.0.1" : input.client_ip},
      {"vnp_CreateDate", vnpay_time(created.value_or(Instant{}))},
      {"vnp_ExpireDate", vnpay_time(expires.value_or(Instant{}))},
  };
  const char sep = gateway.pay_url.find('?') == std::string::npos ? '?' : '&';
  return gateway.pay_url + sep + vnpay_signed_query(params, gateway.secret);
}

PaymentView view_of(const store::PaymentRow& p, const store::DossierRecord& record) {
  return {p.id,         record.id,    record.code.value_or(""),
          p.method,     p.txn_ref,    p.amount_vnd,
          p.state,      p.created_at, p.expires_at,
          p.updated_at, record.status};
}

}  // namespace

AppResult<StartedPayment> start_online_payment(store::SqlConnection& db, DossierService& dossiers,
                                               const Actor& actor, const GatewaySettings& gateway,
                                               const PaymentStart& input) {
  if (!gateway.configured()) {
    return tl::unexpected(
        refusal(ErrorKind::rule_violation, "payment_gateway_off",
                "Chưa cấu hình cổng thanh toán trực tuyến; vui lòng nộp phí tại quầy.",
                "No online payment gateway is configured; please pay at the counter.", "gateway"));
  }
  const auto record = store::find_dossier(db, input.dossier_id);
  if (!record) return tl::unexpected(not_found("dossier " + input.dossier_id));
  const auto roles = roles_over(db, actor, *record);
  if (roles.empty()) return tl::unexpected(not_found("dossier " + input.dossier_id));
  if (!actor.applicant) {
    return tl::unexpected(refusal(ErrorKind::forbidden, "applicant_only",
                                  "Chỉ người nộp hồ sơ thanh toán trực tuyến.",
                                  "Only the applicant pays online.", "actor"));
  }
  const int offset = dossiers.calendar().utc_offset_minutes();
  const auto fee = outstanding_fee(db, *record, offset);
  if (!fee) {
    return tl::unexpected(refusal(ErrorKind::rule_violation, "no_fee_due",
                                  "Hồ sơ không có khoản phí, lệ phí nào đang chờ nộp.",
                                  "The dossier has no fee awaiting payment.",
                                  "status: " + record->status));
  }
  const Instant now = dossiers.now();
  const std::string now_iso = to_iso(now, offset);
  const std::string role = std::string(dossier::to_string(dossier::Role::applicant));
  if (auto open = store::open_payment(db, record->id, fee->seq)) {
    const auto expires = codec::parse_iso_instant(open->expires_at, offset);
    // Still payable: the same payment again, so a double click never makes two.
    if (expires && now < *expires && open->amount_vnd == fee->amount) {
      return StartedPayment{open->id, redirect_url_of(*open, *record, gateway, input, offset)};
    }
    store::settle_payment(db, open->id, "pending", "expired", "", "", "", now_iso);
    log_fact(db, *record, kPaymentExpiredEvent, kSystemActor,
             std::string(dossier::to_string(dossier::Role::system)), now_iso,
             "Giao dịch thanh toán hết hạn / payment expired", payment_payload(*open));
  }
  store::PaymentRow p;
  p.id = new_payment_id();
  p.dossier_id = record->id;
  p.fee_seq = fee->seq;
  p.method = "vnpay";
  p.txn_ref = new_txn_ref();
  p.amount_vnd = fee->amount;
  p.state = "pending";
  p.created_by = actor.user_id;
  p.created_at = now_iso;
  p.expires_at = to_iso(Instant{now.seconds + kPaymentLifetimeSeconds}, offset);
  p.updated_at = now_iso;
  store::insert_payment(db, p);
  log_fact(db, *record, kPaymentStartedEvent, actor.user_id, role, now_iso,
           "Bắt đầu thanh toán trực tuyến / online payment started", payment_payload(p));
  return StartedPayment{p.id, redirect_url_of(p, *record, gateway, input, offset)};
}

AppResult<PaymentView> payment_of(store::SqlConnection& db, const Actor& actor,
                                  const std::string& payment_id) {
  const auto p = store::find_payment(db, payment_id);
  if (!p) return tl::unexpected(not_found("payment " + payment_id));
  const auto record = store::find_dossier(db, p->dossier_id);
  if (!record || roles_over(db, actor, *record).empty()) {
    return tl::unexpected(not_found("payment " + payment_id));
  }
  return view_of(*p, *record);
}

AppResult<std::vector<PaymentView>> payments_of_dossier(store::SqlConnection& db,
                                                        const Actor& actor,
                                                        const std::string& dossier_id) {
  const auto record = store::find_dossier(db, dossier_id);
  if (!record || roles_over(db, actor, *record).empty()) {
    return tl::unexpected(not_found("dossier " + dossier_id));
  }
  std::vector<PaymentView> out;
  for (const auto& p : store::payments_of(db, dossier_id)) out.push_back(view_of(p, *record));
  return out;
}

IpnAnswer take_vnpay_ipn(store::SqlConnection& db, DossierService& dossiers,
                         const GatewaySettings& gateway, const VnpParams& params) {
  const auto get = [&](const char* name) {
    const auto it = params.find(name);
    return it == params.end() ? std::string() : it->second;
  };
  if (!gateway.configured() || !vnpay_signature_valid(params, gateway.secret)) {
    return {"97", "Invalid signature"};
  }
  auto p = store::find_payment_by_txn_ref(db, get("vnp_TxnRef"));
  if (!p || p->method != "vnpay" || get("vnp_TmnCode") != gateway.terminal) {
    return {"01", "Order not found"};
  }
  if (vnd_of_vnpay_amount(get("vnp_Amount")) != p->amount_vnd) return {"04", "Invalid amount"};
  // Only a pending payment (or one MotCua let expire while the gateway still took the money)
  // is settled; anything else was settled by an earlier IPN.
  if (p->state != "pending" && p->state != "expired") return {"02", "Order already confirmed"};
  const auto record = store::find_dossier(db, p->dossier_id);
  if (!record) return {"99", "Unknown error"};
  const int offset = dossiers.calendar().utc_offset_minutes();
  const std::string now_iso = to_iso(dossiers.now(), offset);
  const std::string system_role = std::string(dossier::to_string(dossier::Role::system));
  const std::string txn_no = get("vnp_TransactionNo");
  const std::string response = get("vnp_ResponseCode");
  const std::string extra = ",\"gateway_txn_no\":" + json_text(txn_no) +
                            ",\"response_code\":" + json_text(response) +
                            ",\"bank_code\":" + json_text(get("vnp_BankCode"));
  const bool paid = response == "00" && get("vnp_TransactionStatus") == "00";
  if (!store::settle_payment(db, p->id, p->state, paid ? "paid" : "failed", txn_no,
                             get("vnp_BankCode"), response, now_iso)) {
    return {"02", "Order already confirmed"};
  }
  if (!paid) {
    log_fact(db, *record, kPaymentFailedEvent, kSystemActor, system_role, now_iso,
             "Thanh toán không thành công (mã " + response + ") / payment failed",
             payment_payload(*p, extra));
    return {"00", "Confirm Success"};
  }
  // The money is in: the dossier resumes if it still waits on this fee. If it no longer does
  // (withdrawn or stopped meanwhile, or the fee settled at the counter), the receipt is recorded
  // for a refund rather than lost.
  const auto fee = outstanding_fee(db, *record, offset);
  if (fee && fee->seq == p->fee_seq && fee->amount == p->amount_vnd) {
    const Actor system{
        kSystemActor, "Hệ thống / system", false, {{dossier::Role::system, record->agency_id}}};
    auto confirmed = dossiers.act(
        db, system, record->id,
        dossier::ConfirmPayment{p->amount_vnd, "VNPAY " + txn_no + " / " + p->txn_ref});
    if (confirmed) return {"00", "Confirm Success"};
  }
  log_fact(db, *record, kPaymentUnappliedEvent, kSystemActor, system_role, now_iso,
           "Đã nhận tiền nhưng hồ sơ không còn chờ khoản phí này; cần hoàn trả / paid, but the "
           "dossier no longer awaits this fee: to be refunded",
           payment_payload(*p, extra));
  if (auto settled = store::find_payment(db, p->id)) {
    open_refund(db, *record, *settled, kPaymentUnappliedEvent, now_iso, dossiers.now().seconds,
                offset);
  }
  return {"00", "Confirm Success"};
}

}  // namespace motcua::app::payments
