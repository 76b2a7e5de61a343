#include "integrations/exchange/exchange_adapter.hpp"

#include <boost/json.hpp>

#include "app/exchange/exchange_inbox.hpp"
#include "codec/exchange_wire.hpp"
#include "integrations/http/json_post.hpp"

namespace motcua::integrations {

ExchangeAdapter::ExchangeAdapter(app::exchange::InstanceIdentity self,
                                 std::function<std::string()> now_iso)
    : self_(std::move(self)), now_iso_(std::move(now_iso)) {}

std::string ExchangeAdapter::endpoint() const {
  return "partner instances as " + self_.id + " (/api/v1/exchange/messages)";
}

std::optional<std::string> read_receipt_reference(const std::string& answer) {
  const auto receipt = codec::exchange_wire_from_text(answer);
  if (!receipt || receipt->kind != "receipt") return std::nullopt;
  boost::json::error_code ec;
  const auto body = boost::json::parse(receipt->body, ec);
  if (ec || !body.is_object()) return std::nullopt;
  const auto* ref = body.as_object().if_contains("reference");
  if (!ref || !ref->is_string()) return std::nullopt;
  // An empty reference (a message with no object on the partner's side) is still a receipt.
  return std::string(ref->as_string()).empty() ? receipt->message_id
                                               : std::string(ref->as_string());
}

app::delivery::DeliveryResult ExchangeAdapter::deliver(
    const app::delivery::OutgoingMessage& message) {
  using app::delivery::DeliveryOutcome;
  const auto outgoing = codec::exchange_outgoing_from_text(message.payload);
  if (!outgoing) return {DeliveryOutcome::dead, "", "unreadable payload: " + outgoing.error()};
  const app::exchange::Envelope envelope{outgoing->message_id, self_.id,   outgoing->to,
                                         outgoing->kind,       now_iso_(), outgoing->body};
  const auto wire = app::exchange::seal(envelope, self_);
  return post_json({outgoing->url, codec::exchange_wire_to_text(wire), "", {}},
                   read_receipt_reference);
}

}  // namespace motcua::integrations
