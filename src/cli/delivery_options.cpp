#include "cli/delivery_options.hpp"

#include <cstdlib>

#include "integrations/national_portal/portal_adapter.hpp"

namespace motcua::cli {

namespace {

std::string env_or_empty(const char* name) {
  const char* value = std::getenv(name);
  return value ? value : "";
}

void add_option(CLI::App& command, const std::string& flag, std::string& target, const char* env,
                const std::string& help) {
  target = env_or_empty(env);
  command.add_option(flag, target, help + " (also " + env + ")");
}

// A connection left unset: its messages wait, and the admin view and /healthz say why.
class UnconfiguredAdapter final : public app::delivery::DeliveryAdapter {
 public:
  explicit UnconfiguredAdapter(std::string option) : option_(std::move(option)) {}
  bool configured() const override { return false; }
  std::string endpoint() const override { return "not configured (" + option_ + ")"; }
  app::delivery::DeliveryResult deliver(const app::delivery::OutgoingMessage&) override {
    return {app::delivery::DeliveryOutcome::retry, "", "not configured: " + option_};
  }

 private:
  std::string option_;
};

}  // namespace

void add_delivery_options(CLI::App& command, DeliveryOptions& options) {
  add_option(command, "--smtp", options.smtp, "MOTCUA_SMTP",
             "SMTP server for mail to applicants and officials: smtp://HOST:PORT");
  add_option(command, "--mail-from", options.mail_from, "MOTCUA_MAIL_FROM",
             "Sender address of outgoing mail");
  add_option(command, "--portal-url", options.portal_url, "MOTCUA_PORTAL_URL",
             "National Public Service Portal endpoint for dossier sync");
  add_option(command, "--post-url", options.post_url, "MOTCUA_POST_URL",
             "Public postal service order API");
  add_option(command, "--sms-url", options.sms_url, "MOTCUA_SMS_URL", "Brandname SMS gateway");
  add_option(command, "--zalo-url", options.zalo_url, "MOTCUA_ZALO_URL",
             "Zalo Notification Service API");
}

AdapterMap delivery_adapters(const DeliveryOptions& options) {
  AdapterMap adapters;
  // Each topic's adapter replaces its placeholder here once built (src/integrations/<name>/).
  adapters["mail"] = std::make_shared<UnconfiguredAdapter>("--smtp");
  adapters["sms"] = std::make_shared<UnconfiguredAdapter>("--sms-url");
  adapters["zalo"] = std::make_shared<UnconfiguredAdapter>("--zalo-url");
  adapters["national_portal.sync"] =
      std::make_shared<integrations::NationalPortalAdapter>(options.portal_url);
  adapters["postal.order"] = std::make_shared<UnconfiguredAdapter>("--post-url");
  (void)options;
  return adapters;
}

}  // namespace motcua::cli
