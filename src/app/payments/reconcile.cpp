#include "app/payments/reconcile.hpp"

namespace motcua::app::payments {

namespace {

// The kind of difference, or empty when the gateway agrees that the payment is still open.
std::string kind_of(const store::PaymentRow& p, const GatewayRecord& g) {
  if (!g.answered) return "gateway_unreachable";
  // Never reached the gateway (the citizen left before its page): no money moved, as here.
  if (g.response_code == "91") return {};
  if (g.response_code != "00") return "gateway_unreachable";
  if (g.transaction_status == "01") return {};
  if (g.amount_vnd != p.amount_vnd) return "amount_differs";
  if (g.transaction_status == "00") return "paid_at_gateway";
  return "failed_at_gateway";
}

}  // namespace

Reconciliation reconcile_payments(const std::vector<store::PaymentRow>& pending,
                                  const QueryGateway& query) {
  Reconciliation out;
  for (const auto& p : pending) {
    ++out.checked;
    auto g = query(p);
    auto kind = kind_of(p, g);
    if (kind.empty()) continue;
    out.differences.push_back(
        {p.id, p.dossier_id, p.txn_ref, p.amount_vnd, p.state, std::move(kind), std::move(g)});
  }
  return out;
}

}  // namespace motcua::app::payments
