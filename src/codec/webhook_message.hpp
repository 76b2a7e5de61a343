// The payload of a "webhook" outbox row (docs/integrations.md "Webhooks"): where it goes, the
// sealed secret to sign with, and the exact body to send, so that every attempt sends the same
// bytes under the same Idempotency-Key.
#pragma once

#include <string>

#include "tl/expected.hpp"

namespace motcua::codec {

struct WebhookMessage {
  std::string subscription_id;
  std::string url;
  std::string secret_sealed;
  std::string body;  // the event JSON sent to the subscriber
};

// The event sent: {"id": delivery id, "type": event type, "data": the dossier change}.
std::string webhook_event_body(const std::string& delivery_id, const std::string& event_type,
                               const std::string& change_json);

std::string webhook_message_to_text(const WebhookMessage& message);
tl::expected<WebhookMessage, std::string> webhook_message_from_text(const std::string& text);

}  // namespace motcua::codec

namespace motcua::codec {

// The audit log's details of a registration: {"url", "event_types"} (never the secret).
std::string webhook_audit_details(const std::string& url, const std::string& event_types);

}  // namespace motcua::codec
