#include "integrations/exchange/exchange_adapter.hpp"

#include <boost/json.hpp>
#include <chrono>

#include "app/exchange/exchange_inbox.hpp"
#include "codec/exchange_bodies.hpp"
#include "codec/exchange_wire.hpp"
#include "integrations/http/json_post.hpp"
#include "store/file_blobs.hpp"

namespace motcua::integrations {

ExchangeAdapter::ExchangeAdapter(app::exchange::InstanceIdentity self,
                                 std::function<std::string()> now_iso,
                                 PartnerKeyLookup partner_keys, std::string uploads_dir)
    : self_(std::move(self)),
      now_iso_(std::move(now_iso)),
      partner_keys_(std::move(partner_keys)),
      uploads_dir_(std::move(uploads_dir)) {}

std::string ExchangeAdapter::endpoint() const {
  return "partner instances as " + self_.id + " (/api/v1/exchange/messages)";
}

std::optional<std::string> read_receipt_reference(
    const std::string& answer, const std::string& partner, const std::string& self_id,
    const std::string& message_id, const std::vector<app::exchange::PartnerKey>& keys,
    Instant now) {
  const auto receipt = codec::exchange_wire_from_text(answer);
  if (!receipt || receipt->kind != "receipt" || receipt->from != partner) return std::nullopt;
  const app::exchange::Envelope envelope{receipt->message_id, receipt->from,    receipt->to,
                                         receipt->kind,       receipt->sent_at, receipt->body};
  if (app::exchange::verify_envelope(envelope, receipt->signature, keys, self_id, now,
                                     app::exchange::kWindowSeconds) !=
      app::exchange::Verdict::accepted)
    return std::nullopt;
  boost::json::error_code ec;
  const auto body = boost::json::parse(receipt->body, ec);
  if (ec || !body.is_object()) return std::nullopt;
  const auto* acknowledged = body.as_object().if_contains("message_id");
  if (!acknowledged || !acknowledged->is_string() || acknowledged->as_string() != message_id)
    return std::nullopt;
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
  const auto body = codec::with_paper_contents(outgoing->body, [this](const std::string& sha) {
    auto bytes = store::read_blob(uploads_dir_, sha);
    return bytes ? std::optional(app::exchange::to_base64(*bytes)) : std::nullopt;
  });
  // A paper's file missing from the store: an operator restores it (operations.md), then the
  // message goes.
  if (!body) return {DeliveryOutcome::retry, "", body.error()};
  const app::exchange::Envelope envelope{outgoing->message_id, self_.id,   outgoing->to,
                                         outgoing->kind,       now_iso_(), *body};
  const auto wire = app::exchange::seal(envelope, self_);
  const auto keys =
      partner_keys_ ? partner_keys_(outgoing->to) : std::vector<app::exchange::PartnerKey>{};
  const Instant now{std::chrono::duration_cast<std::chrono::seconds>(
                        std::chrono::system_clock::now().time_since_epoch())
                        .count()};
  return post_json({outgoing->url, codec::exchange_wire_to_text(wire), "", {}},
                   [&](const std::string& answer) {
                     return read_receipt_reference(answer, outgoing->to, self_.id,
                                                   outgoing->message_id, keys, now);
                   });
}

}  // namespace motcua::integrations
