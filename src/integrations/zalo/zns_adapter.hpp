// The Zalo Notification Service adapter (topic "zalo"). ZNS sends a notice to the Zalo account
// of a phone number through a template the agency's Official Account registered and Zalo
// approved; the request is Zalo's published "send ZNS" call
// (https://developers.zalo.me/docs/zalo-notification-service/):
//
//   POST {zalo-url}/message/template          (zalo-url: https://business.openapi.zalo.me)
//   access_token: <the Official Account's access token>
//   {"phone": "849xxxxxxxx", "template_id": "...", "template_data": {...}, "tracking_id": "..."}
//
//   answer {"error": 0, "message": "Success", "data": {"msg_id": "...", "sent_time": "...",
//           "quota": {...}}}; any other "error" is a refusal, classified in
//           classify_zns_error.
//
// template_id and the names of the template's parameters come from
// data/notifications/zalo-templates.json; tracking_id is the outbox row's idempotency key, so the
// message can be found in Zalo's records. The access token expires (an OA token lives about a
// day) and is refreshed outside MotCua: the token file is read at every attempt.
#pragma once

#include <chrono>
#include <filesystem>
#include <map>
#include <string>
#include <tl/expected.hpp>
#include <vector>

#include "app/delivery/delivery_port.hpp"
#include "integrations/notify/phone_notice.hpp"

namespace motcua::integrations::zalo {

struct ZnsParam {
  std::string param;  // the name in the ZNS template
  std::string from;   // the outbox row's parameter
  int max = 0;        // length limit of the parameter type, in characters (0: none)
};

struct ZnsTemplate {
  std::string template_id;
  std::vector<ZnsParam> params;
};
using ZnsTemplates = std::map<std::string, ZnsTemplate>;  // by template key

tl::expected<ZnsTemplates, std::string> load_zns_templates(const std::filesystem::path& file);

struct ZnsConfig {
  std::string url;  // base: https://business.openapi.zalo.me
  std::filesystem::path token_file;
  std::chrono::milliseconds timeout{10000};
};

// The request body; a value longer than its parameter's limit is cut (with "…") so Zalo does not
// refuse the whole notice for one long name.
tl::expected<std::string, std::string> build_zns_body(const PhoneNotice& notice,
                                                      const ZnsTemplates& templates,
                                                      const std::string& tracking_id);

// Zalo's "error" field for the delivery engine: a passing condition (unknown error, quota or
// balance used up, expired access token) is retried; a refusal of this notice (invalid phone,
// template or data, no Zalo account) is dead.
app::delivery::DeliveryResult classify_zns_error(int error, const std::string& message,
                                                 const std::string& msg_id);

class ZnsAdapter final : public app::delivery::DeliveryAdapter {
 public:
  ZnsAdapter(ZnsConfig config, ZnsTemplates templates, MobileNumbering numbering);
  bool configured() const override { return true; }
  std::string endpoint() const override { return config_.url; }
  app::delivery::DeliveryResult deliver(const app::delivery::OutgoingMessage& message) override;

 private:
  ZnsConfig config_;
  ZnsTemplates templates_;
  MobileNumbering numbering_;
};

}  // namespace motcua::integrations::zalo
