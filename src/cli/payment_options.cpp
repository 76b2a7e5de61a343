#include "cli/payment_options.hpp"

#include "integrations/notify/secret_file.hpp"

namespace motcua::cli {

void add_payment_options(CLI::App& command, PaymentOptions& options) {
  command
      .add_option("--payment-url", options.url, "Online payment gateway's pay page (VNPAY 2.1.0)")
      ->envname("MOTCUA_PAYMENT_URL");
  command
      .add_option("--payment-api-url", options.api_url,
                  "Gateway's merchant API for querydr (default: <payment-url origin>"
                  "/merchant_webapi/api/transaction)")
      ->envname("MOTCUA_PAYMENT_API_URL");
  command
      .add_option("--payment-terminal", options.terminal, "Merchant terminal code (vnp_TmnCode)")
      ->envname("MOTCUA_PAYMENT_TERMINAL");
  command
      .add_option("--payment-secret-file", options.secret_file,
                  "File holding the terminal's hash secret (HMAC-SHA512)")
      ->envname("MOTCUA_PAYMENT_SECRET_FILE");
}

tl::expected<app::payments::GatewaySettings, std::string> payment_gateway(
    const PaymentOptions& options) {
  app::payments::GatewaySettings gateway;
  if (options.url.empty()) return gateway;
  if (!options.url.starts_with("http://") && !options.url.starts_with("https://")) {
    return tl::unexpected(std::string("--payment-url must be an http:// or https:// URL"));
  }
  if (options.terminal.empty())
    return tl::unexpected(std::string("--payment-url needs --payment-terminal"));
  if (options.secret_file.empty()) {
    return tl::unexpected(std::string("--payment-url needs --payment-secret-file"));
  }
  auto secret = integrations::read_secret_file(options.secret_file);
  if (!secret || secret->empty()) {
    return tl::unexpected("--payment-secret-file: cannot read " + options.secret_file);
  }
  gateway.pay_url = options.url;
  gateway.terminal = options.terminal;
  gateway.secret = *secret;
  gateway.api_url = options.api_url;
  if (gateway.api_url.empty()) {
    const auto host_end = gateway.pay_url.find('/', gateway.pay_url.find("://") + 3);
    gateway.api_url = gateway.pay_url.substr(0, host_end) + "/merchant_webapi/api/transaction";
  }
  return gateway;
}

}  // namespace motcua::cli
