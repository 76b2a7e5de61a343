// The public postal service (Vietnam Post's customer-partner order API) as the "postal.order"
// adapter: each outbox row becomes one order, POST {post-url}/customer-partner/CreateOrder, in the
// shape of the published API (sender, receiver, address, COD amount, weight, service; the answer's
// ItemCode is the tracking number, the delivery's partner_ref). The order's own number is the
// outbox row's idempotency key, also sent as Idempotency-Key, so a repeat after a lost answer is
// the same order. tools/emulators/vietnam_post.py emulates the API for tests and the demo.
#pragma once

#include <optional>
#include <string>

#include "app/delivery/delivery_port.hpp"

namespace motcua::integrations {

class PostalAdapter final : public app::delivery::DeliveryAdapter {
 public:
  // `base_url`: e.g. https://donhang.vnpost.vn/api/api (empty: not configured); `token`: the
  // customer's API token, sent as the "h-token" header (empty: none).
  PostalAdapter(std::string base_url, std::string token)
      : base_url_(std::move(base_url)), token_(std::move(token)) {}
  bool configured() const override { return !base_url_.empty(); }
  std::string endpoint() const override { return base_url_; }
  app::delivery::DeliveryResult deliver(const app::delivery::OutgoingMessage& message) override;

 private:
  std::string base_url_;
  std::string token_;
};

// The order body the adapter sends for an outbox payload; nullopt (with `error`) when the payload
// is not a postal order (a dead message: sending it again will not help).
std::optional<std::string> vnpost_order_body(const std::string& payload,
                                             const std::string& order_number, std::string& error);

// The tracking number in the post's answer ("ItemCode"); nullopt when the answer has none.
std::optional<std::string> read_item_code(const std::string& body);

}  // namespace motcua::integrations
