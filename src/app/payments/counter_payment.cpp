#include "app/payments/counter_payment.hpp"

#include <algorithm>
#include <cstdio>

#include "app/dossier/dossier_access.hpp"
#include "app/payments/payment_facts.hpp"
#include "store/receipt_repository.hpp"
#include "store/user_repository.hpp"

namespace motcua::app::payments {

namespace {

ReceiptView view_of(store::SqlConnection& db, const store::ReceiptRow& r,
                    const store::DossierRecord& record) {
  return {r.id,
          receipt_number_text(r.year, r.number),
          r.payment_id,
          r.dossier_id,
          record.code.value_or(""),
          r.agency_id,
          r.method,
          r.amount_vnd,
          r.description,
          r.payer_name,
          r.issued_by,
          store::user_display_name(db, r.issued_by).value_or(""),
          r.issued_at,
          r.note};
}

AppError field_error(const char* code, const std::string& vi, const std::string& en,
                     const std::string& detail) {
  return AppError{ErrorKind::invalid_input, code, vi, en, detail};
}

}  // namespace

std::string receipt_number_text(std::int64_t year, std::int64_t number) {
  char buf[48];
  std::snprintf(buf, sizeof buf, "%lld/%06lld", static_cast<long long>(year),
                static_cast<long long>(number));
  return buf;
}

AppResult<ReceiptView> record_counter_payment(store::SqlConnection& db, DossierService& dossiers,
                                              const Actor& actor, const CounterPayment& input) {
  if (input.method != "cash" && input.method != "card") {
    return tl::unexpected(field_error(
        "invalid_payment_method",
        "Hình thức nộp (method) phải là 'cash' (tiền mặt) hoặc 'card' (thẻ).",
        "The payment method (method) must be 'cash' or 'card'.", "method: must be cash or card"));
  }
  const auto record = store::find_dossier(db, input.dossier_id);
  if (!record) return tl::unexpected(not_found("dossier " + input.dossier_id));
  const auto roles = roles_over(db, actor, *record);
  if (roles.empty()) return tl::unexpected(not_found("dossier " + input.dossier_id));
  if (std::find(roles.begin(), roles.end(), dossier::Role::reception) == roles.end()) {
    return tl::unexpected(AppError{ErrorKind::forbidden, "reception_only",
                                   "Chỉ cán bộ tiếp nhận tại Bộ phận Một cửa thu phí tại quầy.",
                                   "Only a reception official of the one-stop unit takes fees at "
                                   "the counter.",
                                   "actor: needs the reception role over the dossier"});
  }
  const int offset = dossiers.calendar().utc_offset_minutes();
  const auto fee = outstanding_fee(db, *record, offset);
  if (!fee) {
    return tl::unexpected(AppError{ErrorKind::rule_violation, "no_fee_due",
                                   "Hồ sơ không có khoản phí, lệ phí nào đang chờ nộp.",
                                   "The dossier has no fee awaiting payment.",
                                   "status: " + record->status});
  }
  if (input.amount_vnd != fee->amount) {
    const std::string owed = std::to_string(fee->amount);
    return tl::unexpected(field_error(
        "amount_not_owed", "Số tiền (amount_vnd) phải đúng bằng số phải nộp: " + owed + " đồng.",
        "The amount (amount_vnd) must equal what is owed: " + owed + " VND.",
        "amount_vnd: " + std::to_string(input.amount_vnd) + " given, " + owed + " owed"));
  }
  const std::string now_iso = to_iso(dossiers.now(), offset);
  const std::int64_t year = std::stoll(now_iso.substr(0, 4));
  const std::int64_t number = store::next_receipt_number(db, record->agency_id, year);
  const std::string number_text = receipt_number_text(year, number);

  // The same command the gateway's confirmation gives: it checks the separation of duties (the
  // official who asked for the fee may not confirm it) and resumes the clock.
  auto confirmed =
      dossiers.act(db, actor, record->id, dossier::ConfirmPayment{fee->amount, number_text});
  if (!confirmed) return tl::unexpected(confirmed.error());

  store::PaymentRow p;
  p.id = new_row_id("pay_");
  p.dossier_id = record->id;
  p.fee_seq = fee->seq;
  p.method = input.method;
  // Unique over all payments: the receipt number is unique only within its agency.
  p.txn_ref = "BL-" + record->agency_id + "-" + number_text;
  p.amount_vnd = fee->amount;
  p.state = "paid";
  p.created_by = actor.user_id;
  p.created_at = now_iso;
  p.expires_at = now_iso;
  p.updated_at = now_iso;
  store::insert_payment(db, p);

  store::ReceiptRow r{new_row_id("rcp_"),
                      p.id,
                      record->id,
                      record->agency_id,
                      year,
                      number,
                      input.method,
                      fee->amount,
                      fee->description,
                      record->applicant_name,
                      actor.user_id,
                      now_iso,
                      input.note};
  store::insert_receipt(db, r);
  const auto after = store::find_dossier(db, record->id);
  log_fact(db, after.value_or(*record), kFeeReceiptIssuedEvent, actor.user_id,
           std::string(dossier::to_string(dossier::Role::reception)), now_iso,
           "Thu phí tại quầy, biên lai " + number_text + " / fee paid at the counter",
           payment_payload(p, ",\"receipt_number\":" + json_text(number_text)));
  return view_of(db, r, after.value_or(*record));
}

AppResult<std::vector<ReceiptView>> receipts_of_dossier(store::SqlConnection& db,
                                                        const Actor& actor,
                                                        const std::string& dossier_id) {
  const auto record = store::find_dossier(db, dossier_id);
  if (!record || roles_over(db, actor, *record).empty()) {
    return tl::unexpected(not_found("dossier " + dossier_id));
  }
  std::vector<ReceiptView> out;
  for (const auto& r : store::receipts_of(db, dossier_id)) out.push_back(view_of(db, r, *record));
  return out;
}

}  // namespace motcua::app::payments
