#include "api/json/payments_json.hpp"

namespace motcua::app::payments {

namespace json = boost::json;

void tag_invoke(json::value_from_tag, json::value& out, const StartedPayment& p) {
  out = json::object{{"payment_id", p.payment_id}, {"redirect_url", p.redirect_url}};
}

void tag_invoke(json::value_from_tag, json::value& out, const PaymentView& p) {
  out = json::object{{"id", p.id},
                     {"dossier_id", p.dossier_id},
                     {"dossier_code", p.dossier_code},
                     {"dossier_status", p.dossier_status},
                     {"method", p.method},
                     {"txn_ref", p.txn_ref},
                     {"amount_vnd", p.amount_vnd},
                     {"state", p.state},
                     {"created_at", p.created_at},
                     {"expires_at", p.expires_at},
                     {"updated_at", p.updated_at}};
}

// The protocol's own shape (VNPAY's IPN answer), not MotCua's problem JSON.
void tag_invoke(json::value_from_tag, json::value& out, const IpnAnswer& a) {
  out = json::object{{"RspCode", a.rsp_code}, {"Message", a.message}};
}

}  // namespace motcua::app::payments
