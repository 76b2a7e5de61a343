// Where the outbox's messages go: one option per partner connection, shared by `motcua serve` and
// `motcua deliver`. Each option also reads its environment variable (MOTCUA_SMTP, ...); a flag
// wins over the variable. An unset connection keeps its topic's messages pending (never dropped)
// and /healthz and the admin view say so.
#pragma once

#include <CLI/CLI.hpp>
#include <map>
#include <memory>
#include <string>

#include "app/delivery/delivery_port.hpp"
#include "store/store.hpp"

namespace motcua::cli {

struct DeliveryOptions {
  std::string smtp;        // smtp://HOST:PORT (or smtps://)  MOTCUA_SMTP
  std::string mail_from;   // envelope and From: address       MOTCUA_MAIL_FROM
  std::string portal_url;  // National Public Service Portal   MOTCUA_PORTAL_URL
  std::string post_url;    // public postal service            MOTCUA_POST_URL
  std::string sms_url;     // brandname SMS gateway            MOTCUA_SMS_URL
  std::string zalo_url;    // Zalo Notification Service        MOTCUA_ZALO_URL
  // Secrets are files (never a value on the command line or in the repository), read at every
  // attempt so a rotated secret is taken without a restart.
  std::string sms_token_file;    // the gateway account's signing secret  MOTCUA_SMS_TOKEN_FILE
  std::string sms_brandname;     // registered sender name               MOTCUA_SMS_BRANDNAME
  std::string sms_charset;       // gsm7 (default) or unicode            MOTCUA_SMS_CHARSET
  std::string zalo_token_file;   // Official Account access token        MOTCUA_ZALO_TOKEN_FILE
  std::string post_token_file;   // the post's customer API token (file) MOTCUA_POST_TOKEN_FILE
  std::string webhook_key_file;  // key sealing webhook secrets          MOTCUA_WEBHOOK_KEY_FILE
  std::string instance_id;       // this instance among MotCua partners     MOTCUA_INSTANCE_ID
  std::string instance_key;      // its Ed25519 key file (created 0600)     MOTCUA_INSTANCE_KEY
  std::string
      public_url;  // this installation's origin, for links in messages (serve's --public-url)
  std::string uploads_dir = "var/uploads";  // papers sent to partners (serve's --uploads-dir)
};

// Registers the options on `command` (values from the environment are the defaults).
void add_delivery_options(CLI::App& command, DeliveryOptions& options);

// One adapter per topic; a topic whose connection is not set gets an adapter that says so.
using AdapterMap = std::map<std::string, std::shared_ptr<app::delivery::DeliveryAdapter>>;
// `store`: read by the adapters that need this installation's records at sending (the exchange's
// partner keys, to verify receipts).
AdapterMap delivery_adapters(const DeliveryOptions& options, store::Store& store);

}  // namespace motcua::cli
