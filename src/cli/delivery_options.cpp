#include "cli/delivery_options.hpp"

#include <chrono>
#include <cstdlib>

#include "app/exchange/instance_key.hpp"
#include "app/webhooks/webhook_secrets.hpp"
#include "cli/phone_channels.hpp"
#include "integrations/exchange/exchange_adapter.hpp"
#include "integrations/mail/smtp_setup.hpp"
#include "integrations/national_portal/portal_adapter.hpp"
#include "integrations/notify/secret_file.hpp"
#include "integrations/postal/postal_adapter.hpp"
#include "integrations/webhook/webhook_adapter.hpp"
#include "store/exchange_repository.hpp"

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

// A built adapter, or one that keeps the messages waiting and says which option or file is missing.
std::shared_ptr<app::delivery::DeliveryAdapter> configured_or_waiting(AdapterOrMissing adapter) {
  if (adapter) return *adapter;
  return std::make_shared<UnconfiguredAdapter>(adapter.error());
}

// The webhook sealing key; empty (webhooks wait) when no file is set or it cannot be read.
std::string webhook_key(const DeliveryOptions& options) {
  if (options.webhook_key_file.empty()) return {};
  auto key = app::load_or_create_webhook_key(options.webhook_key_file);
  return key ? *key : std::string();
}

// The workspace's own channel: a warning to an official is shown in their warning list (computed
// from the dossiers, app/warnings) the moment it exists, so its notify.official row, kept so that
// each warning is written once, is delivered on the spot. Its mail goes as a separate "mail" row.
class WorkspaceNoticeAdapter final : public app::delivery::DeliveryAdapter {
 public:
  bool configured() const override { return true; }
  std::string endpoint() const override { return "workspace (in-app warning list)"; }
  app::delivery::DeliveryResult deliver(const app::delivery::OutgoingMessage&) override {
    return {app::delivery::DeliveryOutcome::delivered, "in-app", ""};
  }
};

// Messages to partner instances, signed with this instance's key; they wait while --instance-id or
// --instance-key is missing or the key cannot be read.
std::shared_ptr<app::delivery::DeliveryAdapter> exchange_adapter(const DeliveryOptions& options,
                                                                 store::Store& store) {
  if (options.instance_id.empty() || options.instance_key.empty())
    return std::make_shared<UnconfiguredAdapter>("--instance-id and --instance-key");
  auto self = app::exchange::load_or_create_instance_key(options.instance_key, options.instance_id);
  if (!self) return std::make_shared<UnconfiguredAdapter>("--instance-key: " + self.error().detail);
  const auto partner_keys = [&store](const std::string& partner_id) {
    std::vector<app::exchange::PartnerKey> keys;
    store.read([&](store::SqlConnection& db) {
      for (const auto& k : store::exchange_keys_of(db, partner_id))
        keys.push_back({k.public_key, k.valid_from, k.valid_to});
    });
    return keys;
  };
  return std::make_shared<integrations::ExchangeAdapter>(
      std::move(*self),
      [] {
        const auto now = std::chrono::duration_cast<std::chrono::seconds>(
                             std::chrono::system_clock::now().time_since_epoch())
                             .count();
        return to_iso(Instant{now}, 0);
      },
      partner_keys, options.uploads_dir);
}

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
  add_option(command, "--post-token-file", options.post_token_file, "MOTCUA_POST_TOKEN_FILE",
             "File holding the public postal service account's API token");
  add_option(command, "--sms-url", options.sms_url, "MOTCUA_SMS_URL", "Brandname SMS gateway");
  add_option(command, "--zalo-url", options.zalo_url, "MOTCUA_ZALO_URL",
             "Zalo Notification Service API");
  add_option(command, "--sms-token-file", options.sms_token_file, "MOTCUA_SMS_TOKEN_FILE",
             "File holding the SMS gateway account's signing secret");
  add_option(command, "--sms-brandname", options.sms_brandname, "MOTCUA_SMS_BRANDNAME",
             "Brandname (sender name) registered with the SMS gateway");
  add_option(command, "--sms-charset", options.sms_charset, "MOTCUA_SMS_CHARSET",
             "gsm7 (unaccented text, the default) or unicode (accented when it fits 3 parts)");
  add_option(command, "--zalo-token-file", options.zalo_token_file, "MOTCUA_ZALO_TOKEN_FILE",
             "File holding the Zalo Official Account access token");
  add_option(command, "--instance-id", options.instance_id, "MOTCUA_INSTANCE_ID",
             "This instance's id among partner MotCua instances (exchange of dossiers)");
  add_option(command, "--instance-key", options.instance_key, "MOTCUA_INSTANCE_KEY",
             "File of this instance's Ed25519 exchange key (created with mode 0600 on first use)");
  add_option(command, "--webhook-key-file", options.webhook_key_file, "MOTCUA_WEBHOOK_KEY_FILE",
             "File of the key that seals webhook secrets (created on first use)");
}

AdapterMap delivery_adapters(const DeliveryOptions& options, store::Store& store) {
  AdapterMap adapters;
  // Each topic's adapter replaces its placeholder here once built (src/integrations/<name>/).
  adapters["mail"] =
      options.smtp.empty()
          ? std::make_shared<UnconfiguredAdapter>("--smtp")
          : integrations::make_smtp_adapter(options.smtp, options.mail_from, options.public_url);
  adapters["sms"] = configured_or_waiting(sms_adapter(options));
  adapters["zalo"] = configured_or_waiting(zalo_adapter(options));
  adapters["national_portal.sync"] =
      std::make_shared<integrations::NationalPortalAdapter>(options.portal_url);
  adapters["postal.order"] =
      options.post_url.empty()
          ? std::shared_ptr<app::delivery::DeliveryAdapter>(
                std::make_shared<UnconfiguredAdapter>("--post-url"))
          : std::make_shared<integrations::PostalAdapter>(
                options.post_url,
                options.post_token_file.empty()
                    ? std::string()
                    : integrations::read_secret_file(options.post_token_file).value_or(""));
  adapters["notify.official"] = std::make_shared<WorkspaceNoticeAdapter>();
  adapters["webhook"] = std::make_shared<integrations::WebhookAdapter>(webhook_key(options));
  adapters["exchange"] = exchange_adapter(options, store);
  return adapters;
}

}  // namespace motcua::cli
