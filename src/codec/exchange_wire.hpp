// The JSON of a message between MotCua instances on the wire (docs/integrations.md "Exchange
// between MotCua instances"): every envelope field as text, the body as a JSON *string* (so the
// signed bytes survive any re-encoding), and the base64 Ed25519 signature:
//   {"message_id", "from", "to", "kind", "sent_at", "body": "<JSON text>", "signature"}
#pragma once

#include <string>

#include "tl/expected.hpp"

namespace motcua::codec {

struct ExchangeWire {
  std::string message_id;
  std::string from;
  std::string to;
  std::string kind;
  std::string sent_at;
  std::string body;
  std::string signature;
};

std::string exchange_wire_to_text(const ExchangeWire& wire);
// The error names the first field missing or not text.
tl::expected<ExchangeWire, std::string> exchange_wire_from_text(const std::string& text);

// The body of a receipt: {"message_id": what was received, "reference": the receiver's id for it
// (the child dossier of a transfer), "status": "accepted"}.
std::string exchange_receipt_body(const std::string& message_id, const std::string& reference);

// The payload of an "exchange" outbox row: where it goes and what it says; the adapter adds `from`
// and `sent_at` and signs at each attempt (a message that waited for a partner that was down is
// then still inside the receiver's window).
struct ExchangeOutgoing {
  std::string url;  // {partner base_url}/api/v1/exchange/messages
  std::string message_id;
  std::string to;
  std::string kind;
  std::string body;
};

std::string exchange_outgoing_to_text(const ExchangeOutgoing& outgoing);
tl::expected<ExchangeOutgoing, std::string> exchange_outgoing_from_text(const std::string& text);

}  // namespace motcua::codec
