// The signed envelope of a message between two MotCua instances (issue 14 point 6, liên thông
// across systems; docs/integrations.md "Exchange between MotCua instances"). The sender signs the
// canonical bytes of the envelope with its Ed25519 key (libsodium crypto_sign_detached); the
// receiver accepts it only from a registered partner, with a key of that partner valid at sent_at,
// addressed to itself, and sent within a window of its own clock. Replays are refused by the
// receiver's table of received message ids (app/exchange/exchange_inbox), not here: this part is
// pure so that every refusal can be tested without a database.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "domain/calendar/date.hpp"

namespace motcua::app::exchange {

// The message kinds of the protocol.
inline constexpr const char* kKinds[] = {
    "dossier_transfer",    "receipt",         "result", "consultation_question",
    "consultation_answer", "feedback_forward"};

struct Envelope {
  std::string message_id;  // unique per sender, e.g. "tinh-ninh-binh:42"
  std::string from;        // sender's instance id
  std::string to;          // receiver's instance id
  std::string kind;        // one of kKinds
  std::string sent_at;     // ISO 8601 with offset
  std::string body;        // JSON text, signed byte for byte
};

// One public key of a partner, valid from `valid_from` until `valid_to` (empty: no end), so that
// a partner can publish its next key before it starts signing with it (rotation without downtime).
struct PartnerKey {
  std::string public_key;  // base64 of the 32-byte Ed25519 public key
  std::string valid_from;  // ISO 8601 with offset
  std::string valid_to;    // ISO 8601 with offset, or empty
};

// What the sender signs: a version tag and each header field on its own line, then the body as it
// is. Header fields cannot hold a line break (verify refuses them), so the split is unambiguous.
std::string canonical_bytes(const Envelope& envelope);

// Base64 of the detached signature of canonical_bytes; `secret_key` is libsodium's 64-byte
// Ed25519 secret key.
std::string sign_envelope(const Envelope& envelope, const std::string& secret_key);

enum class Verdict {
  accepted,
  malformed,        // a missing field, an unknown kind, a line break in a header, a bad time
  wrong_recipient,  // `to` is not this instance
  outside_window,   // sent_at too far from now (an old message replayed, or a wrong clock)
  no_valid_key,     // the partner has no key valid at sent_at
  bad_signature,    // no valid key verifies the signature (tampered, or signed by another key)
};

// Short English name of a verdict for logs and the answer's detail ("bad_signature").
const char* verdict_name(Verdict verdict);

// `keys`: the sender's registered keys (the caller has checked that `from` is a partner).
// `window_s`: how far sent_at may be from `now`, either way. `utc_offset_minutes` reads times
// written without an offset.
Verdict verify_envelope(const Envelope& envelope, const std::string& signature_b64,
                        const std::vector<PartnerKey>& keys, const std::string& self_id,
                        Instant now, std::int64_t window_s, int utc_offset_minutes = 420);

// A new Ed25519 key pair: {secret key (64 raw bytes), public key (base64)}.
struct KeyPair {
  std::string secret_key;
  std::string public_key;
};
KeyPair new_key_pair();
// The public key (base64) inside a libsodium secret key.
std::string public_key_of(const std::string& secret_key);

std::string to_base64(const std::string& bytes);
// Empty on invalid input.
std::string from_base64(const std::string& text);

}  // namespace motcua::app::exchange
