#include "integrations/sms/sms_gateway.hpp"

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <boost/json.hpp>
#include <optional>

#include "integrations/http/json_post.hpp"
#include "integrations/notify/secret_file.hpp"
#include "integrations/notify/template_file.hpp"

namespace motcua::integrations::sms {

namespace json = boost::json;
using app::delivery::DeliveryOutcome;
using app::delivery::DeliveryResult;

namespace {

// The gateway's answer as read from a 2xx body.
struct GatewayAnswer {
  bool read = false;
  int code = 0;
  std::string message;
  std::string message_id;
};

GatewayAnswer read_answer(const std::string& body) {
  GatewayAnswer answer;
  boost::system::error_code ec;
  const auto value = json::parse(body, ec);
  if (ec || !value.is_object()) return answer;
  const auto& o = value.as_object();
  const auto* code = o.if_contains("code");
  if (!code) return answer;
  if (code->is_int64()) {
    answer.code = static_cast<int>(code->as_int64());
  } else if (code->is_string()) {
    try {
      answer.code = std::stoi(std::string(code->as_string()));
    } catch (const std::exception&) {
      return answer;
    }
  } else {
    return answer;
  }
  if (const auto* m = o.if_contains("message"); m && m->is_string())
    answer.message = std::string(m->as_string());
  if (const auto* id = o.if_contains("message_id")) {
    if (id->is_string()) answer.message_id = std::string(id->as_string());
    if (id->is_int64()) answer.message_id = std::to_string(id->as_int64());
  }
  answer.read = true;
  return answer;
}

}  // namespace

tl::expected<SmsTemplates, std::string> load_sms_templates(const std::filesystem::path& file) {
  const auto read = read_template_file(file);
  if (!read) return tl::unexpected(read.error());
  const json::object* templates = &*read;
  SmsTemplates out;
  for (const auto& [key, entry] : *templates) {
    const auto* vi = entry.is_object() ? entry.as_object().if_contains("vi") : nullptr;
    const auto* en = entry.is_object() ? entry.as_object().if_contains("en") : nullptr;
    if (!vi || !vi->is_string() || !en || !en->is_string())
      return tl::unexpected(file.string() + ": template '" + std::string(key) +
                            "' needs \"vi\" and \"en\" texts");
    out[std::string(key)] = {std::string(vi->as_string()), std::string(en->as_string())};
  }
  return out;
}

std::string sign_body(const std::string& secret, const std::string& body) {
  unsigned char mac[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  HMAC(EVP_sha256(), secret.data(), static_cast<int>(secret.size()),
       reinterpret_cast<const unsigned char*>(body.data()), body.size(), mac, &length);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out = "sha256=";
  for (unsigned int i = 0; i < length; ++i) {
    out.push_back(kHex[mac[i] >> 4]);
    out.push_back(kHex[mac[i] & 0x0F]);
  }
  return out;
}

tl::expected<std::string, std::string> render_sms(const PhoneNotice& notice,
                                                  const SmsTemplates& templates) {
  const auto found = templates.find(notice.template_key);
  if (found == templates.end())
    return tl::unexpected("no SMS template '" + notice.template_key +
                          "' in data/notifications/sms-templates.json");
  const std::string& text = notice.lang == "en" ? found->second.en : found->second.vi;
  return fill_template(text, notice.params);
}

SmsRequest build_sms_request(const PhoneNotice& notice, const std::string& rendered,
                             const SmsGatewayConfig& config, const std::string& request_id) {
  SmsRequest request;
  request.text = prepare_sms_text(rendered, config.charset, config.max_unicode_parts);
  json::object body;
  body["brandname"] = config.brandname;
  body["phone"] = notice.phone;
  body["message"] = request.text.text;
  body["unicode"] = request.text.count.encoding == SmsEncoding::ucs2;
  body["segments"] = request.text.count.segments;
  body["request_id"] = request_id;
  request.body = json::serialize(body);
  return request;
}

DeliveryResult classify_gateway_code(int code, const std::string& message,
                                     const std::string& message_id) {
  const std::string said = "gateway code " + std::to_string(code) + ": " + message;
  switch (code) {
    case 0:    // accepted
    case 124:  // this request id was taken before: the earlier attempt got through
      return {DeliveryOutcome::delivered, message_id, ""};
    case 103:  // balance used up: sent once the account is topped up
    case 120:  // throttled: too many messages this second
    case 199:  // system busy
      return {DeliveryOutcome::retry, "", said};
    default:  // 101 credentials/signature, 104 brandname, 108 number, 109 content, and unknown
      return {DeliveryOutcome::dead, "", said};
  }
}

SmsGatewayAdapter::SmsGatewayAdapter(SmsGatewayConfig config, SmsTemplates templates,
                                     MobileNumbering numbering)
    : config_(std::move(config)),
      templates_(std::move(templates)),
      numbering_(std::move(numbering)) {}

DeliveryResult SmsGatewayAdapter::deliver(const app::delivery::OutgoingMessage& message) {
  auto notice = parse_phone_notice(message.payload, numbering_);
  if (!notice) return {DeliveryOutcome::dead, "", notice.error()};
  auto rendered = render_sms(*notice, templates_);
  if (!rendered) return {DeliveryOutcome::dead, "", rendered.error()};
  const auto secret = read_secret_file(config_.secret_file);
  if (!secret)
    return {DeliveryOutcome::retry, "",
            "SMS gateway secret not readable: " + config_.secret_file.string()};
  const SmsRequest request =
      build_sms_request(*notice, *rendered, config_, message.idempotency_key);

  GatewayAnswer answer;
  auto result = post_json({config_.url,
                           request.body,
                           message.idempotency_key,
                           {{"X-Signature", sign_body(*secret, request.body)}},
                           config_.timeout},
                          [&answer](const std::string& body) -> std::optional<std::string> {
                            answer = read_answer(body);
                            if (!answer.read) return std::nullopt;
                            return answer.message_id;
                          });
  if (result.outcome == DeliveryOutcome::delivered)
    return classify_gateway_code(answer.code, answer.message, answer.message_id);
  return result;
}

}  // namespace motcua::integrations::sms
