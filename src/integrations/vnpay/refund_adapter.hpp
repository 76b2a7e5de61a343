// VNPAY 2.1.0 refund (sandbox.vnpayment.vn/apis/docs/truy-van-hoan-tien/querydr&refund.html) as
// the delivery engine's "payment.refund" adapter: each outbox row (app/payments/refunds.hpp) is one
// JSON POST to the merchant API with vnp_Command=refund, vnp_TransactionType 02 (full refund),
// signed like querydr (HMAC-SHA512 of the fields joined by '|' in the documented order), and the
// answer's signature is checked the same way. vnp_ResponseCode 00 is refunded (partner_ref: the
// refund's vnp_TransactionNo), 94 (the same request again) too; 97 and 99 and no answer are
// retried; any other code is the gateway's refusal (dead: retrying will not change it).
#pragma once

#include <string>

#include "app/delivery/delivery_port.hpp"
#include "app/payments/payments.hpp"

namespace motcua::integrations {

class VnpayRefundAdapter final : public app::delivery::DeliveryAdapter {
 public:
  explicit VnpayRefundAdapter(app::payments::GatewaySettings gateway)
      : gateway_(std::move(gateway)) {}
  bool configured() const override { return gateway_.configured() && !gateway_.api_url.empty(); }
  std::string endpoint() const override { return gateway_.api_url; }
  app::delivery::DeliveryResult deliver(const app::delivery::OutgoingMessage& message) override;

 private:
  app::payments::GatewaySettings gateway_;
};

}  // namespace motcua::integrations
