// The online payment gateway's connection (docs/integrations.md "Online fee payment"), shared by
// `motcua serve` and `motcua payments reconcile`. The secret is a file, never a command-line value.
#pragma once

#include <CLI/CLI.hpp>
#include <string>
#include <tl/expected.hpp>

#include "app/payments/payments.hpp"

namespace motcua::cli {

struct PaymentOptions {
  std::string url;          // the gateway's pay page          MOTCUA_PAYMENT_URL
  std::string api_url;      // its merchant API (querydr)      MOTCUA_PAYMENT_API_URL
  std::string terminal;     // vnp_TmnCode                     MOTCUA_PAYMENT_TERMINAL
  std::string secret_file;  // the terminal's hash secret      MOTCUA_PAYMENT_SECRET_FILE
};

void add_payment_options(CLI::App& command, PaymentOptions& options);

// The gateway settings; not configured (all empty) when no --payment-url is given; an error names
// the option that is missing or unreadable.
tl::expected<app::payments::GatewaySettings, std::string> payment_gateway(
    const PaymentOptions& options);

}  // namespace motcua::cli
