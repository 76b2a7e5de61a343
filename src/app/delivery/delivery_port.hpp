// The port through which the delivery engine hands an outbox message to the outside world. Each
// topic ("mail", "sms", "zalo", "national_portal.sync", "postal.order", "webhook", "exchange") has
// one adapter, implemented in src/integrations/<name>/ against a real protocol; the engine
// (app/delivery) only claims rows, calls `deliver` and records the outcome, so it knows no protocol
// and every adapter is tested against a real server (or an emulator of an unreachable one) on
// loopback.
#pragma once

#include <cstdint>
#include <string>

namespace motcua::app::delivery {

// One outbox row as an adapter sees it. `payload` is the JSON its topic's contract defines
// (docs/integrations.md); `idempotency_key` goes to the partner with every attempt so that a repeat
// after a lost answer can be dropped there.
struct OutgoingMessage {
  std::int64_t id = 0;
  std::string topic;
  std::string idempotency_key;
  std::string payload;
  std::int64_t attempts = 0;  // attempts made before this one
};

enum class DeliveryOutcome {
  delivered,  // the partner took it; `partner_ref` is its reference (message id, tracking number)
  retry,      // a transient failure (down, slow, 5xx, garbage): try again later with backoff
  dead,       // a permanent failure (4xx refusal, invalid recipient): never retried by itself
};

struct DeliveryResult {
  DeliveryOutcome outcome = DeliveryOutcome::retry;
  std::string partner_ref;
  std::string error;  // for the administrator's view: what the partner said, or why it failed
};

class DeliveryAdapter {
 public:
  virtual ~DeliveryAdapter() = default;
  // False when the connection is not configured: its messages stay pending (never dropped) and
  // /healthz and the admin view say so.
  virtual bool configured() const = 0;
  // Where messages go, for the admin view and logs (no secrets): "smtp://127.0.0.1:2525".
  virtual std::string endpoint() const = 0;
  // Blocking; bounded by the adapter's own timeouts. Never throws: every failure is a result.
  virtual DeliveryResult deliver(const OutgoingMessage& message) = 0;
};

}  // namespace motcua::app::delivery
