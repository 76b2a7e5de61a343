#include "integrations/zalo/zns_adapter.hpp"

#include <boost/json.hpp>
#include <cctype>
#include <optional>

#include "domain/text/utf8.hpp"
#include "integrations/http/json_post.hpp"
#include "integrations/notify/secret_file.hpp"
#include "integrations/notify/template_file.hpp"

namespace motcua::integrations::zalo {

namespace json = boost::json;
using app::delivery::DeliveryOutcome;
using app::delivery::DeliveryResult;

namespace {

// Cuts a UTF-8 text to `max` characters, the last one an ellipsis.
std::string limited(const std::string& value, int max) {
  if (max <= 0) return value;
  const std::u32string cps = text::to_code_points(value);
  if (cps.size() <= static_cast<std::size_t>(max)) return value;
  std::string out;
  for (std::size_t i = 0; i + 1 < static_cast<std::size_t>(max); ++i)
    text::append_utf8(out, cps[i]);
  text::append_utf8(out, U'\u2026');
  return out;
}

std::string param_value(const TemplateParams& params, const std::string& name) {
  if (auto t = params.text.find(name); t != params.text.end()) return t->second;
  if (auto l = params.lists.find(name); l != params.lists.end()) {
    std::string joined;
    for (const auto& item : l->second) joined += (joined.empty() ? "" : ", ") + item;
    return joined;
  }
  return "";
}

struct ZnsAnswer {
  bool read = false;
  int error = 0;
  std::string message;
  std::string msg_id;
};

ZnsAnswer read_answer(const std::string& body) {
  ZnsAnswer answer;
  boost::system::error_code ec;
  const auto value = json::parse(body, ec);
  if (ec || !value.is_object()) return answer;
  const auto& o = value.as_object();
  const auto* error = o.if_contains("error");
  if (!error || !error->is_int64()) return answer;
  answer.error = static_cast<int>(error->as_int64());
  if (const auto* m = o.if_contains("message"); m && m->is_string())
    answer.message = std::string(m->as_string());
  if (const auto* data = o.if_contains("data"); data && data->is_object()) {
    if (const auto* id = data->as_object().if_contains("msg_id"); id && id->is_string())
      answer.msg_id = std::string(id->as_string());
  }
  // A success without a message id is not Zalo's answer (a proxy's page, a truncated body).
  answer.read = answer.error != 0 || !answer.msg_id.empty();
  return answer;
}

}  // namespace

tl::expected<ZnsTemplates, std::string> load_zns_templates(const std::filesystem::path& file) {
  const auto read = read_template_file(file);
  if (!read) return tl::unexpected(read.error());
  const json::object* templates = &*read;
  ZnsTemplates out;
  for (const auto& [key, entry] : *templates) {
    const std::string where = file.string() + ": template '" + std::string(key) + "'";
    if (!entry.is_object()) return tl::unexpected(where + " is not an object");
    const auto& o = entry.as_object();
    const auto* id = o.if_contains("template_id");
    const auto* params = o.if_contains("params");
    if (!id || !id->is_string() || !params || !params->is_array())
      return tl::unexpected(where + " needs \"template_id\" and \"params\"");
    ZnsTemplate t;
    t.template_id = std::string(id->as_string());
    for (const auto& p : params->as_array()) {
      const auto* po = p.if_object();
      const auto* name = po ? po->if_contains("param") : nullptr;
      const auto* from = po ? po->if_contains("from") : nullptr;
      if (!name || !name->is_string() || !from || !from->is_string())
        return tl::unexpected(where + ": each param needs \"param\" and \"from\"");
      ZnsParam zp{std::string(name->as_string()), std::string(from->as_string()), 0};
      if (const auto* max = po->if_contains("max"); max && max->is_int64())
        zp.max = static_cast<int>(max->as_int64());
      t.params.push_back(std::move(zp));
    }
    out[std::string(key)] = std::move(t);
  }
  return out;
}

tl::expected<std::string, std::string> build_zns_body(const PhoneNotice& notice,
                                                      const ZnsTemplates& templates,
                                                      const std::string& tracking_id) {
  const auto found = templates.find(notice.template_key);
  if (found == templates.end())
    return tl::unexpected("no ZNS template '" + notice.template_key +
                          "' in data/notifications/zalo-templates.json");
  json::object data;
  for (const auto& p : found->second.params)
    data[p.param] = limited(param_value(notice.params, p.from), p.max);
  json::object body;
  body["phone"] = notice.phone;
  body["template_id"] = found->second.template_id;
  body["template_data"] = std::move(data);
  body["tracking_id"] = tracking_id;
  return json::serialize(body);
}

DeliveryResult classify_zns_error(int error, const std::string& message,
                                  const std::string& msg_id) {
  const std::string said = "Zalo error " + std::to_string(error) + ": " + message;
  // Codes of Zalo's table "Cách xử lý mã lỗi" (zalo.cloud/zns/guidelines/handle-error-code).
  switch (error) {
    case 0:
      return {DeliveryOutcome::delivered, msg_id, ""};
    case -100:  // unknown error: Zalo asks to try again later
    case -115:  // out of quota: the ZNS balance is used up; sent once it is topped up
    case -124:  // access token invalid: expired; sent once the token file is refreshed
      return {DeliveryOutcome::retry, "", said};
    default:  // -108 phone, -109 template id, -111/-112 template data, -118 no Zalo account, ...
      break;
  }
  // A code not listed above whose message names a passing condition (Zalo adds codes over time)
  // is retried rather than dropped.
  std::string lower = message;
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (const char* passing : {"quota", "access token", "try again", "rate limit"})
    if (lower.find(passing) != std::string::npos) return {DeliveryOutcome::retry, "", said};
  return {DeliveryOutcome::dead, "", said};
}

ZnsAdapter::ZnsAdapter(ZnsConfig config, ZnsTemplates templates, MobileNumbering numbering)
    : config_(std::move(config)),
      templates_(std::move(templates)),
      numbering_(std::move(numbering)) {}

DeliveryResult ZnsAdapter::deliver(const app::delivery::OutgoingMessage& message) {
  auto notice = parse_phone_notice(message.payload, numbering_);
  if (!notice) return {DeliveryOutcome::dead, "", notice.error()};
  auto body = build_zns_body(*notice, templates_, message.idempotency_key);
  if (!body) return {DeliveryOutcome::dead, "", body.error()};
  const auto token = read_secret_file(config_.token_file);
  if (!token)
    return {DeliveryOutcome::retry, "",
            "Zalo access token not readable: " + config_.token_file.string()};

  std::string url = config_.url;
  while (!url.empty() && url.back() == '/') url.pop_back();
  ZnsAnswer answer;
  // No Idempotency-Key header: ZNS has none; tracking_id in the body identifies the message.
  auto result =
      post_json({url + "/message/template", *body, "", {{"access_token", *token}}, config_.timeout},
                [&answer](const std::string& text) -> std::optional<std::string> {
                  answer = read_answer(text);
                  if (!answer.read) return std::nullopt;
                  return answer.msg_id;
                });
  if (result.outcome == DeliveryOutcome::delivered)
    return classify_zns_error(answer.error, answer.message, answer.msg_id);
  return result;
}

}  // namespace motcua::integrations::zalo
