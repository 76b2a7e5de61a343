// Refunds of fees (docs/rules.md "Fees at the counter and refunds"): when a dossier whose fee was
// paid is refused after review, stopped (withdrawn) or refused at receipt, or when the gateway's
// money arrives for a fee the dossier no longer awaits, a refund is opened (pending) for each paid
// payment. An online payment's refund goes to the gateway through the delivery engine (topic
// "payment.refund", VNPAY's refund command), whose answer settles it (refunded, or failed with the
// gateway's error); a counter payment's refund is completed by a reception official who hands the
// money back. Every step is a fact in the dossier's hash-chained log.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "app/common/actor.hpp"
#include "app/common/app_error.hpp"
#include "app/dossier/dossier_service.hpp"
#include "domain/dossier/dossier_state.hpp"
#include "store/dossier_repository.hpp"
#include "store/payment_repository.hpp"
#include "store/sql.hpp"

namespace motcua::app::payments {

inline constexpr const char* kRefundTopic = "payment.refund";

struct RefundView {
  std::string id;
  std::string payment_id;
  std::string dossier_id;
  std::string method;
  std::int64_t amount_vnd = 0;
  std::string state;  // pending | refunded | failed
  std::string reason;
  std::string created_at;
  std::string completed_by;
  std::string completed_by_name;
  std::string completed_at;
  std::string gateway_txn_no;
  std::string error;
};

// Opens a refund of `payment` (paid) unless it has one; online ones are queued for the gateway.
void open_refund(store::SqlConnection& db, const store::DossierRecord& record,
                 const store::PaymentRow& payment, const std::string& why,
                 const std::string& now_iso, std::int64_t now_s, int utc_offset_minutes);

// Called when a dossier's events are written (DossierService): a refusal or a stop after a paid
// fee opens its refunds. `record` is the dossier as written (its new status).
void plan_refunds(store::SqlConnection& db, const store::DossierRecord& record,
                  const std::vector<dossier::Event>& new_events, const std::string& now_iso,
                  std::int64_t now_s, int utc_offset_minutes);

// The gateway's answer, written by the delivery engine with the outbox row's outcome: refunded
// (with the gateway's refund transaction) or failed (with its error). `key` is the row's key.
void record_refund_outcome(store::SqlConnection& db, const std::string& key, bool refunded,
                           const std::string& detail, const std::string& at_iso);

AppResult<std::vector<RefundView>> refunds_of_dossier(store::SqlConnection& db, const Actor& actor,
                                                      const std::string& dossier_id);

// A reception official records that the money of a counter payment was handed back.
AppResult<RefundView> complete_counter_refund(store::SqlConnection& db, DossierService& dossiers,
                                              const Actor& actor, const std::string& refund_id,
                                              const std::string& note);

}  // namespace motcua::app::payments
