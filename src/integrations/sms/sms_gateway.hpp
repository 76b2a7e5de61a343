// The brandname SMS adapter (topic "sms"): renders the notice from
// data/notifications/sms-templates.json, makes the text fit the gateway (sms_text.hpp) and sends
// one JSON POST to the carrier's gateway, signed with the account's secret. The request is the
// shape Vietnamese brandname gateways share (eSMS, VNPT, Viettel style: brandname, phone in 84
// form, content, the client's request id, a signature over the request; an answer code and the
// gateway's message id), written down in docs/integrations.md ("SMS") so a real gateway is
// reached through a thin proxy or a configuration of the same fields:
//
//   POST {sms-url}
//   X-Signature: sha256=<hex HMAC-SHA256 of the exact body bytes, key = the secret>
//   Idempotency-Key: <outbox key>
//   {"brandname": "...", "phone": "849xxxxxxxx", "message": "...", "unicode": false,
//    "segments": 1, "request_id": "<outbox key>"}
//
//   answer {"code": 0, "message": "...", "message_id": "..."}; code 0 (and 124, a request id
//   already taken) is delivered, the gateway's message id the partner reference.
#pragma once

#include <chrono>
#include <filesystem>
#include <map>
#include <string>
#include <tl/expected.hpp>

#include "app/delivery/delivery_port.hpp"
#include "integrations/notify/phone_notice.hpp"
#include "integrations/sms/sms_text.hpp"

namespace motcua::integrations::sms {

struct SmsTemplate {
  std::string vi;
  std::string en;
};
using SmsTemplates = std::map<std::string, SmsTemplate>;  // by template key

tl::expected<SmsTemplates, std::string> load_sms_templates(const std::filesystem::path& file);

struct SmsGatewayConfig {
  std::string url;
  std::string brandname;
  std::filesystem::path secret_file;  // read at every attempt, so a rotated secret is taken
  SmsCharset charset = SmsCharset::gsm7;
  int max_unicode_parts = 3;
  std::chrono::milliseconds timeout{10000};
};

// HMAC-SHA256 of `body` keyed with `secret`, as the X-Signature header value "sha256=<hex>".
std::string sign_body(const std::string& secret, const std::string& body);

struct SmsRequest {
  std::string body;  // the JSON sent
  SmsText text;
};

// The text of a notice in its language, or why it cannot be rendered (unknown template key).
tl::expected<std::string, std::string> render_sms(const PhoneNotice& notice,
                                                  const SmsTemplates& templates);

SmsRequest build_sms_request(const PhoneNotice& notice, const std::string& rendered,
                             const SmsGatewayConfig& config, const std::string& request_id);

// What the gateway's own answer code means for the delivery engine: invalid number, brandname,
// credentials or content are permanent (dead); throttling, a busy system or an empty balance pass
// (retry); a request id the gateway already took was delivered before.
app::delivery::DeliveryResult classify_gateway_code(int code, const std::string& message,
                                                    const std::string& message_id);

class SmsGatewayAdapter final : public app::delivery::DeliveryAdapter {
 public:
  SmsGatewayAdapter(SmsGatewayConfig config, SmsTemplates templates, MobileNumbering numbering);
  bool configured() const override { return true; }
  std::string endpoint() const override { return config_.url; }
  app::delivery::DeliveryResult deliver(const app::delivery::OutgoingMessage& message) override;

 private:
  SmsGatewayConfig config_;
  SmsTemplates templates_;
  MobileNumbering numbering_;
};

}  // namespace motcua::integrations::sms
