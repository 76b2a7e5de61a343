// The "exchange" topic: messages to partner MotCua instances (docs/integrations.md "Exchange
// between MotCua instances"). At each attempt the adapter stamps `from` (this instance) and
// `sent_at` (now), signs the envelope with this instance's Ed25519 key and POSTs it through
// post_json to the partner's /api/v1/exchange/messages. The partner answers with a signed receipt
// whose body names its reference (the child dossier of a transfer): that is the partner_ref.
// Without an Idempotency-Key header: each attempt is signed anew, so its bytes differ; the
// receiver recognises a retry by its message id and content (app/exchange/exchange_inbox.hpp).
#pragma once

#include <functional>
#include <string>

#include "app/delivery/delivery_port.hpp"
#include "app/exchange/partners.hpp"

namespace motcua::integrations {

class ExchangeAdapter final : public app::delivery::DeliveryAdapter {
 public:
  // `now_iso`: the time stamped on each attempt (ISO 8601 with offset).
  ExchangeAdapter(app::exchange::InstanceIdentity self, std::function<std::string()> now_iso);
  bool configured() const override { return !self_.id.empty(); }
  std::string endpoint() const override;
  app::delivery::DeliveryResult deliver(const app::delivery::OutgoingMessage& message) override;

 private:
  app::exchange::InstanceIdentity self_;
  std::function<std::string()> now_iso_;
};

// The receipt's reference, when `answer` is a receipt envelope whose body names one.
std::optional<std::string> read_receipt_reference(const std::string& answer);

}  // namespace motcua::integrations
