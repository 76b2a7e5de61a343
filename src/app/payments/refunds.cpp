#include "app/payments/refunds.hpp"

#include <algorithm>

#include "app/dossier/dossier_access.hpp"
#include "app/payments/payment_facts.hpp"
#include "app/payments/vnpay_protocol.hpp"
#include "codec/iso_time.hpp"
#include "store/outbox.hpp"
#include "store/refund_repository.hpp"
#include "store/user_repository.hpp"

namespace motcua::app::payments {

namespace {

constexpr const char* kKeyPrefix = "refund:";

RefundView view_of(store::SqlConnection& db, const store::RefundRow& r) {
  std::string name;
  if (!r.completed_by.empty() && r.completed_by != kSystemActor)
    name = store::user_display_name(db, r.completed_by).value_or("");
  return {r.id,           r.payment_id,     r.dossier_id, r.method,       r.amount_vnd,
          r.state,        r.reason,         r.created_at, r.completed_by, name,
          r.completed_at, r.gateway_txn_no, r.error};
}

std::string refund_payload(const store::RefundRow& r, const std::string& extra = {}) {
  return "{\"refund_id\":" + json_text(r.id) + ",\"payment_id\":" + json_text(r.payment_id) +
         ",\"method\":" + json_text(r.method) + ",\"amount_vnd\":" + std::to_string(r.amount_vnd) +
         extra + "}";
}

// The command kinds after which a paid fee is owed back.
bool refunds_after(const dossier::Event& e) {
  const auto kind = dossier::kind_of(e.command);
  return kind == dossier::CommandKind::reject_after_review || kind == dossier::CommandKind::stop ||
         e.to == dossier::DossierStatus::refused_at_receipt;
}

const std::string kSystemRole = std::string(dossier::to_string(dossier::Role::system));

}  // namespace

void open_refund(store::SqlConnection& db, const store::DossierRecord& record,
                 const store::PaymentRow& payment, const std::string& why,
                 const std::string& now_iso, std::int64_t now_s, int utc_offset_minutes) {
  store::RefundRow r{new_row_id("rfd_"),
                     payment.id,
                     record.id,
                     payment.method,
                     payment.amount_vnd,
                     "pending",
                     why,
                     now_iso,
                     now_iso,
                     "",
                     "",
                     "",
                     ""};
  if (!store::insert_refund(db, r)) return;
  log_fact(db, record, kRefundOpenedEvent, kSystemActor, kSystemRole, now_iso,
           "Phải hoàn trả phí đã nộp / fee to be refunded: " + why, refund_payload(r));
  if (payment.method != "vnpay") return;  // handed back at the counter by an official
  const auto paid_at = codec::parse_iso_instant(payment.created_at, utc_offset_minutes);
  const std::string payload =
      "{\"refund_id\":" + json_text(r.id) + ",\"txn_ref\":" + json_text(payment.txn_ref) +
      ",\"amount_vnd\":" + std::to_string(payment.amount_vnd) +
      ",\"gateway_txn_no\":" + json_text(payment.gateway_txn_no) +
      ",\"transaction_date\":" + json_text(vnpay_time(paid_at.value_or(Instant{now_s}))) +
      ",\"order_info\":" + json_text("Hoan phi ho so " + record.code.value_or(record.id)) + "}";
  store::enqueue_outbox(db, kRefundTopic, kKeyPrefix + r.id, payload, now_iso, now_s, record.id);
}

void plan_refunds(store::SqlConnection& db, const store::DossierRecord& record,
                  const std::vector<dossier::Event>& new_events, const std::string& now_iso,
                  std::int64_t now_s, int utc_offset_minutes) {
  const auto it = std::find_if(new_events.begin(), new_events.end(), refunds_after);
  if (it == new_events.end()) return;
  const std::string why = it->type;
  for (const auto& p : store::payments_of(db, record.id)) {
    if (p.state == "paid") open_refund(db, record, p, why, now_iso, now_s, utc_offset_minutes);
  }
}

void record_refund_outcome(store::SqlConnection& db, const std::string& key, bool refunded,
                           const std::string& detail, const std::string& at_iso) {
  if (!key.starts_with(kKeyPrefix)) return;
  const auto r = store::find_refund(db, key.substr(std::string_view(kKeyPrefix).size()));
  if (!r) return;
  if (!store::settle_refund(db, r->id, "pending", refunded ? "refunded" : "failed", kSystemActor,
                            at_iso, refunded ? detail : "", refunded ? "" : detail)) {
    return;
  }
  if (refunded) store::set_payment_state(db, r->payment_id, "paid", "refunded", at_iso);
  const auto record = store::find_dossier(db, r->dossier_id);
  if (!record) return;
  log_fact(db, *record, refunded ? kRefundCompletedEvent : kRefundFailedEvent, kSystemActor,
           kSystemRole, at_iso,
           refunded
               ? "Cổng thanh toán đã hoàn tiền / refunded by the gateway"
               : "Cổng thanh toán từ chối hoàn tiền / the gateway refused the refund: " + detail,
           refund_payload(*r, refunded ? ",\"gateway_txn_no\":" + json_text(detail)
                                       : ",\"error\":" + json_text(detail)));
}

AppResult<std::vector<RefundView>> refunds_of_dossier(store::SqlConnection& db, const Actor& actor,
                                                      const std::string& dossier_id) {
  const auto record = store::find_dossier(db, dossier_id);
  if (!record || roles_over(db, actor, *record).empty()) {
    return tl::unexpected(not_found("dossier " + dossier_id));
  }
  std::vector<RefundView> out;
  for (const auto& r : store::refunds_of(db, dossier_id)) out.push_back(view_of(db, r));
  return out;
}

AppResult<RefundView> complete_counter_refund(store::SqlConnection& db, DossierService& dossiers,
                                              const Actor& actor, const std::string& refund_id,
                                              const std::string& note) {
  const auto r = store::find_refund(db, refund_id);
  if (!r) return tl::unexpected(not_found("refund " + refund_id));
  const auto record = store::find_dossier(db, r->dossier_id);
  if (!record) return tl::unexpected(not_found("refund " + refund_id));
  const auto roles = roles_over(db, actor, *record);
  if (roles.empty()) return tl::unexpected(not_found("refund " + refund_id));
  if (std::find(roles.begin(), roles.end(), dossier::Role::reception) == roles.end()) {
    return tl::unexpected(
        AppError{ErrorKind::forbidden, "reception_only",
                 "Chỉ cán bộ tiếp nhận tại Bộ phận Một cửa hoàn trả tiền tại quầy.",
                 "Only a reception official of the one-stop unit hands refunds "
                 "back at the counter.",
                 "actor: needs the reception role over the dossier"});
  }
  if (r->method == "vnpay") {
    return tl::unexpected(AppError{ErrorKind::rule_violation, "refund_through_gateway",
                                   "Khoản này được hoàn qua cổng thanh toán, không hoàn tại quầy.",
                                   "This refund goes through the payment gateway, not the counter.",
                                   "method: vnpay"});
  }
  const std::string now_iso = to_iso(dossiers.now(), dossiers.calendar().utc_offset_minutes());
  if (r->state != "pending" ||
      !store::settle_refund(db, r->id, "pending", "refunded", actor.user_id, now_iso, "", "")) {
    return tl::unexpected(conflict("refund_settled", "Khoản hoàn trả này đã được xử lý.",
                                   "This refund was already settled.", "state: " + r->state));
  }
  store::set_payment_state(db, r->payment_id, "paid", "refunded", now_iso);
  log_fact(db, *record, kRefundCompletedEvent, actor.user_id,
           std::string(dossier::to_string(dossier::Role::reception)), now_iso,
           "Đã trả lại tiền tại quầy / refund handed back at the counter" +
               (note.empty() ? std::string() : ": " + note),
           refund_payload(*r, ",\"note\":" + json_text(note)));
  auto settled = store::find_refund(db, r->id);
  return view_of(db, settled.value_or(*r));
}

}  // namespace motcua::app::payments
