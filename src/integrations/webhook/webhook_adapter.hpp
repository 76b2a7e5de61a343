// The "webhook" adapter: POSTs each event to the subscriber's URL with
//   X-MotCua-Timestamp: unix seconds of this attempt
//   X-MotCua-Signature: sha256=<hex HMAC-SHA256(secret, timestamp + "." + body)>
//   X-MotCua-Event: the event type;  Idempotency-Key: the delivery id (same on every attempt)
// The secret is opened from the row with the key of --webhook-key-file. Any 2xx counts as taken
// (a subscriber owes no particular answer); the rest is classified by post_json.
#pragma once

#include <chrono>
#include <functional>
#include <string>

#include "app/delivery/delivery_port.hpp"

namespace motcua::integrations {

class WebhookAdapter final : public app::delivery::DeliveryAdapter {
 public:
  using Clock = std::function<std::int64_t()>;  // unix seconds
  // `key`: the 32-byte sealing key (empty: not configured).
  explicit WebhookAdapter(std::string key, Clock now = {});
  bool configured() const override { return !key_.empty(); }
  std::string endpoint() const override { return "each subscription's URL"; }
  app::delivery::DeliveryResult deliver(const app::delivery::OutgoingMessage& message) override;

 private:
  std::string key_;
  Clock now_;
};

}  // namespace motcua::integrations
