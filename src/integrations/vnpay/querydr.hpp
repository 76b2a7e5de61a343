// VNPAY 2.1.0 querydr (sandbox.vnpayment.vn/apis/docs/truy-van-hoan-tien/querydr&refund.html): a
// JSON POST to the merchant API asking what the gateway holds of one transaction. Unlike the pay
// URL, its signature is the HMAC-SHA512 of the fields joined by '|' in the documented order, and
// so is the answer's.
#pragma once

#include "app/payments/payments.hpp"
#include "app/payments/reconcile.hpp"

namespace motcua::integrations {

app::payments::GatewayRecord vnpay_querydr(const app::payments::GatewaySettings& gateway,
                                           const store::PaymentRow& payment, Instant now,
                                           int utc_offset_minutes);

}  // namespace motcua::integrations
