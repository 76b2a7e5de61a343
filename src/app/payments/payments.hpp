// Online fee payment through a VNPAY 2.1.0 gateway (docs/integrations.md "Online fee payment";
// issue 15 point 1). The applicant starts a payment for the fee the agency requested; MotCua keeps
// a payment row (store/payment_repository.hpp) and sends the browser to the gateway with a signed
// URL. Only the gateway's server-to-server confirmation (the IPN) settles a payment: it resumes the
// dossier's clock by a confirm_payment command of the system actor. The browser's return to
// MotCua only shows what the IPN recorded, so a citizen who closes the browser before the redirect
// (opencps#947) still has a paid dossier.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "app/common/actor.hpp"
#include "app/common/app_error.hpp"
#include "app/dossier/dossier_service.hpp"
#include "app/payments/vnpay_protocol.hpp"
#include "store/sql.hpp"

namespace motcua::app::payments {

// How long the gateway accepts a payment after it was started (vnp_ExpireDate).
inline constexpr std::int64_t kPaymentLifetimeSeconds = 15 * 60;

struct GatewaySettings {
  std::string pay_url;  // the gateway's pay page, e.g. https://pay.vnpay.vn/vpcpay.html
  std::string
      api_url;  // the gateway's merchant API (querydr), e.g. .../merchant_webapi/api/transaction
  std::string terminal;  // vnp_TmnCode
  std::string secret;    // the terminal's hash secret
  bool configured() const { return !pay_url.empty() && !terminal.empty() && !secret.empty(); }
};

struct PaymentStart {
  std::string dossier_id;
  std::string client_ip;   // vnp_IpAddr
  std::string return_url;  // vnp_ReturnUrl: MotCua's /payments/return page
  std::string locale;      // "vn" or "en"
};

struct StartedPayment {
  std::string payment_id;
  std::string redirect_url;
};

struct PaymentView {
  std::string id;
  std::string dossier_id;
  std::string dossier_code;
  std::string method;
  std::string txn_ref;
  std::int64_t amount_vnd = 0;
  std::string state;
  std::string created_at;
  std::string expires_at;
  std::string updated_at;
  std::string dossier_status;
};

// The applicant of the dossier starts (or, while it has not expired, resumes) the online payment of
// the fee outstanding. Refused unless the gateway is configured and the dossier awaits a payment.
AppResult<StartedPayment> start_online_payment(store::SqlConnection& db, DossierService& dossiers,
                                               const Actor& actor, const GatewaySettings& gateway,
                                               const PaymentStart& input);

// A payment as the actor may see it (not found unless he may see its dossier).
AppResult<PaymentView> payment_of(store::SqlConnection& db, const Actor& actor,
                                  const std::string& payment_id);
AppResult<std::vector<PaymentView>> payments_of_dossier(store::SqlConnection& db,
                                                        const Actor& actor,
                                                        const std::string& dossier_id);

// The IPN's answer, in the protocol's codes.
struct IpnAnswer {
  std::string rsp_code;  // 00 confirmed, 01 order not found, 02 already confirmed,
                         // 04 invalid amount, 97 invalid signature, 99 other
  std::string message;
};

// Takes one IPN (the query parameters as sent) inside a write job. Records a payment once: a
// repeated IPN answers 02 and changes nothing.
IpnAnswer take_vnpay_ipn(store::SqlConnection& db, DossierService& dossiers,
                         const GatewaySettings& gateway, const VnpParams& params);

}  // namespace motcua::app::payments
