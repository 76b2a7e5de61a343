// JSON of fee payments (app/payments): the started payment and a payment as recorded.
#pragma once

#include <boost/json.hpp>

#include "app/payments/payments.hpp"

namespace motcua::app::payments {
void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const StartedPayment& p);
void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const PaymentView& p);
void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const IpnAnswer& a);
}  // namespace motcua::app::payments
