// The simplest adapter: POSTs the outbox payload as it is to one URL, with the message's
// Idempotency-Key, classified by post_json. The National Public Service Portal sync goes through it
// until its own adapter (src/integrations/portal/) shapes the record; tests and the delivery
// benchmark point it at tools/emulators/recorder.py.
#pragma once

#include <chrono>
#include <string>

#include "app/delivery/delivery_port.hpp"

namespace motcua::integrations {

class JsonPostAdapter final : public app::delivery::DeliveryAdapter {
 public:
  // An empty `url` is an unconfigured connection; `option` names the flag that sets it.
  JsonPostAdapter(std::string url, std::string option,
                  std::chrono::milliseconds timeout = std::chrono::milliseconds(10000));
  bool configured() const override { return !url_.empty(); }
  std::string endpoint() const override;
  app::delivery::DeliveryResult deliver(const app::delivery::OutgoingMessage& message) override;

 private:
  std::string url_;
  std::string option_;
  std::chrono::milliseconds timeout_;
};

}  // namespace motcua::integrations
