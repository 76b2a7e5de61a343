// Receiving a message from a partner instance (POST /api/v1/exchange/messages). The envelope is
// verified (envelope.hpp: a registered partner, a key of it valid at sent_at, the signature, `to`
// is this instance, sent_at within the window) and its message id is looked up in the table of
// received messages:
// - a new id: the message is recorded and answered with a receipt signed by this instance;
// - the same id with the same kind and body (the sender's retry after a lost answer, signed again
//   with a later sent_at): the receipt given the first time, and nothing is written again;
// - the same id with another content: refused (409), nothing written.
// A refusal of the signature or of the sender is 401, so a tampered message never reaches a use
// case.
#pragma once

#include <string>

#include "app/common/app_error.hpp"
#include "app/exchange/inbound_effects.hpp"
#include "app/exchange/partners.hpp"
#include "codec/exchange_wire.hpp"
#include "store/sql.hpp"

namespace motcua::app::exchange {

// How far a message's sent_at may be from this instance's clock.
inline constexpr std::int64_t kWindowSeconds = 600;

struct ReceivedMessage {
  codec::ExchangeWire receipt;  // signed by this instance, kind "receipt"
  bool repeat = false;          // true when this answers a retry of a message already taken
};

// `effects`: what the message's kind does here (inbound_effects.hpp), taken in the same
// transaction; a refusal there refuses the message and records nothing.
AppResult<ReceivedMessage> receive_message(store::SqlConnection& db, const InstanceIdentity& self,
                                           InboundContext& effects,
                                           const codec::ExchangeWire& message, Instant now,
                                           const std::string& now_iso);

// Wraps and signs an envelope for the wire.
codec::ExchangeWire seal(const Envelope& envelope, const InstanceIdentity& self);

}  // namespace motcua::app::exchange
