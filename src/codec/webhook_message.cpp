#include "codec/webhook_message.hpp"

#include <boost/json.hpp>

#include "codec/json_fields.hpp"

namespace motcua::codec {

namespace json = boost::json;

std::string webhook_event_body(const std::string& delivery_id, const std::string& event_type,
                               const std::string& change_json) {
  return json::serialize(
      json::object{{"id", delivery_id}, {"type", event_type}, {"data", json::parse(change_json)}});
}

std::string webhook_message_to_text(const WebhookMessage& m) {
  return json::serialize(json::object{{"subscription_id", m.subscription_id},
                                      {"url", m.url},
                                      {"secret_sealed", m.secret_sealed},
                                      {"body", m.body}});
}

tl::expected<WebhookMessage, std::string> webhook_message_from_text(const std::string& text) {
  boost::system::error_code ec;
  const auto value = json::parse(text, ec);
  if (ec || !value.is_object()) return tl::unexpected(std::string("not a JSON object"));
  const auto& o = value.get_object();
  WebhookMessage m{text_field(o, "subscription_id"), text_field(o, "url"),
                   text_field(o, "secret_sealed"), text_field(o, "body")};
  if (m.url.empty() || m.secret_sealed.empty() || m.body.empty())
    return tl::unexpected(std::string("url, secret_sealed or body missing"));
  return m;
}

}  // namespace motcua::codec

namespace motcua::codec {

std::string webhook_audit_details(const std::string& url, const std::string& event_types) {
  return boost::json::serialize(boost::json::object{{"url", url}, {"event_types", event_types}});
}

}  // namespace motcua::codec
