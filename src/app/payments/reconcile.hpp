// The daily reconciliation (`motcua payments reconcile --date D`): every online payment of that day
// that MotCua still holds as pending is asked of the gateway (querydr), and what the gateway says
// otherwise is reported. Nothing is changed: only the gateway's signed IPN settles a payment (VNPAY
// repeats it), and a difference is for an official to look into.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "store/payment_repository.hpp"

namespace motcua::app::payments {

// What the gateway said of one payment.
struct GatewayRecord {
  bool answered = false;           // a signed answer came back
  std::string response_code;       // vnp_ResponseCode: 00 found, 91 not found, ...
  std::string transaction_status;  // vnp_TransactionStatus: 00 paid, 01 not finished, other failed
  std::int64_t amount_vnd = -1;
  std::string transaction_no;
  std::string error;  // why there is no answer
};
using QueryGateway = std::function<GatewayRecord(const store::PaymentRow&)>;

struct Difference {
  std::string payment_id;
  std::string dossier_id;
  std::string txn_ref;
  std::int64_t amount_vnd = 0;
  std::string ours;  // our state (pending)
  // paid_at_gateway | failed_at_gateway | amount_differs | gateway_unreachable
  std::string kind;
  GatewayRecord gateway;
};

struct Reconciliation {
  std::int64_t checked = 0;
  std::vector<Difference> differences;
};

Reconciliation reconcile_payments(const std::vector<store::PaymentRow>& pending,
                                  const QueryGateway& query);

}  // namespace motcua::app::payments
