#include "integrations/webhook/webhook_adapter.hpp"

#include <boost/json.hpp>

#include "app/webhooks/webhook_secrets.hpp"
#include "codec/webhook_message.hpp"
#include "integrations/http/json_post.hpp"

namespace motcua::integrations {

WebhookAdapter::WebhookAdapter(std::string key, Clock now)
    : key_(std::move(key)), now_(std::move(now)) {
  if (!now_) {
    now_ = [] {
      return std::chrono::duration_cast<std::chrono::seconds>(
                 std::chrono::system_clock::now().time_since_epoch())
          .count();
    };
  }
}

app::delivery::DeliveryResult WebhookAdapter::deliver(
    const app::delivery::OutgoingMessage& message) {
  using app::delivery::DeliveryOutcome;
  if (!configured()) return {DeliveryOutcome::retry, "", "not configured: --webhook-key-file"};
  const auto m = codec::webhook_message_from_text(message.payload);
  if (!m) return {DeliveryOutcome::dead, "", "not a webhook message: " + m.error()};
  const auto secret = app::open_webhook_secret(key_, m->secret_sealed);
  // A secret sealed under another key: retried, so that restoring the right key file delivers it.
  if (!secret) return {DeliveryOutcome::retry, "", "the secret does not open with this key file"};
  const std::string timestamp = std::to_string(now_());
  std::string type;
  boost::system::error_code ec;
  const auto body = boost::json::parse(m->body, ec);
  if (!ec && body.is_object()) {
    if (const auto* t = body.get_object().if_contains("type"); t && t->is_string())
      type = std::string(t->get_string());
  }
  JsonPost post{m->url,
                m->body,
                message.idempotency_key,
                {{"X-MotCua-Timestamp", timestamp},
                 {"X-MotCua-Signature", app::webhook_signature(*secret, timestamp, m->body)},
                 {"X-MotCua-Event", type}}};
  return post_json(post, [](const std::string&) { return std::optional<std::string>(""); });
}

}  // namespace motcua::integrations
