// JSON of fee payments (app/payments): the started payment and a payment as recorded.
#pragma once

#include <boost/json.hpp>

#include "app/common/app_error.hpp"
#include "app/payments/counter_payment.hpp"
#include "app/payments/payments.hpp"
#include "app/payments/refunds.hpp"

namespace motcua::app::payments {
void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const StartedPayment& p);
void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const PaymentView& p);
void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const IpnAnswer& a);
void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const ReceiptView& r);
void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const RefundView& r);
}  // namespace motcua::app::payments

namespace motcua::api {
// {method: cash|card, amount_vnd: integer, note?: text}; the dossier id comes from the path.
// Each wrong field is named (422); whether the amount is the one owed is the use case's to say.
app::AppResult<app::payments::CounterPayment> counter_payment_from_json(
    const boost::json::value& body);
// {note?: text}: what the official says of the money handed back.
app::AppResult<std::string> refund_note_from_json(const boost::json::value& body);
}  // namespace motcua::api
