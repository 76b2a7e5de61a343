// A message from another MotCua instance (POST /api/v1/exchange/messages): the wire JSON read,
// its envelope verified against a partner's key (a signature made here, so that the fuzzer can
// also reach the accepted path by keeping a valid envelope), and each kind's body decoded.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "app/exchange/envelope.hpp"
#include "codec/exchange_bodies.hpp"
#include "codec/exchange_wire.hpp"
#include "support/fuzz_input.hpp"

using namespace motcua;

namespace {

const app::exchange::KeyPair& partner_key() {
  static const auto pair = app::exchange::new_key_pair();
  return pair;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(fuzz::as_text(data, size));
  (void)codec::exchange_outgoing_from_text(text);
  (void)app::exchange::from_base64(text);
  auto wire = codec::exchange_wire_from_text(text);
  if (!wire) return 0;
  const app::exchange::Envelope envelope{wire->message_id, wire->from,    wire->to,
                                         wire->kind,       wire->sent_at, wire->body};
  const std::vector<app::exchange::PartnerKey> keys{
      {partner_key().public_key, "2025-01-01T00:00:00+07:00", ""}};
  const auto now = Instant{1767225600};  // 2026-01-01T00:00:00Z
  (void)app::exchange::verify_envelope(envelope, wire->signature, keys, "tinh-ninh-binh", now, 300);
  (void)app::exchange::canonical_bytes(envelope);
  (void)codec::transfer_body_from_text(wire->body);
  (void)codec::result_body_from_text(wire->body);
  (void)codec::question_body_from_text(wire->body);
  (void)codec::answer_body_from_text(wire->body);
  (void)codec::exchange_papers_from_text(wire->body);
  return 0;
}
