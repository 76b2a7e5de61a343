#include "app/exchange/envelope.hpp"

#include <sodium.h>

#include <algorithm>
#include <optional>
#include <stdexcept>

#include "codec/iso_time.hpp"

namespace motcua::app::exchange {

namespace {

void ensure_sodium() {
  static const bool ready = [] { return sodium_init() >= 0; }();
  if (!ready) throw std::runtime_error("libsodium failed to initialise");
}

const unsigned char* bytes(const std::string& s) {
  return reinterpret_cast<const unsigned char*>(s.data());
}

bool one_line(const std::string& s) { return s.find_first_of("\r\n") == std::string::npos; }

std::optional<Instant> instant(const std::string& iso, int offset) {
  auto t = codec::parse_iso_instant(iso, offset);
  if (!t) return std::nullopt;
  return *t;
}

}  // namespace

std::string to_base64(const std::string& raw) {
  ensure_sodium();
  std::string out(sodium_base64_ENCODED_LEN(raw.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(out.data(), out.size(), bytes(raw), raw.size(), sodium_base64_VARIANT_ORIGINAL);
  out.resize(out.size() - 1);  // the terminating NUL
  return out;
}

std::string from_base64(const std::string& text) {
  ensure_sodium();
  std::string out(text.size(), '\0');
  std::size_t len = 0;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), text.data(),
                        text.size(), nullptr, &len, nullptr, sodium_base64_VARIANT_ORIGINAL) != 0) {
    return {};
  }
  out.resize(len);
  return out;
}

std::string canonical_bytes(const Envelope& e) {
  std::string out = "motcua-exchange-v1\n";
  for (const std::string* field : {&e.message_id, &e.from, &e.to, &e.kind, &e.sent_at}) {
    out += *field;
    out += '\n';
  }
  out += e.body;
  return out;
}

std::string sign_envelope(const Envelope& envelope, const std::string& secret_key) {
  ensure_sodium();
  if (secret_key.size() != crypto_sign_SECRETKEYBYTES)
    throw std::invalid_argument("not an Ed25519 secret key");
  const std::string message = canonical_bytes(envelope);
  std::string signature(crypto_sign_BYTES, '\0');
  crypto_sign_detached(reinterpret_cast<unsigned char*>(signature.data()), nullptr, bytes(message),
                       message.size(), bytes(secret_key));
  return to_base64(signature);
}

const char* verdict_name(Verdict verdict) {
  switch (verdict) {
    case Verdict::accepted:
      return "accepted";
    case Verdict::malformed:
      return "malformed";
    case Verdict::wrong_recipient:
      return "wrong_recipient";
    case Verdict::outside_window:
      return "outside_window";
    case Verdict::no_valid_key:
      return "no_valid_key";
    case Verdict::bad_signature:
      return "bad_signature";
  }
  return "malformed";
}

Verdict verify_envelope(const Envelope& e, const std::string& signature_b64,
                        const std::vector<PartnerKey>& keys, const std::string& self_id,
                        Instant now, std::int64_t window_s, int utc_offset_minutes) {
  ensure_sodium();
  for (const std::string* field : {&e.message_id, &e.from, &e.to, &e.kind, &e.sent_at}) {
    if (field->empty() || !one_line(*field)) return Verdict::malformed;
  }
  if (std::none_of(std::begin(kKinds), std::end(kKinds),
                   [&](const char* k) { return e.kind == k; })) {
    return Verdict::malformed;
  }
  const auto sent = instant(e.sent_at, utc_offset_minutes);
  if (!sent) return Verdict::malformed;
  if (e.to != self_id) return Verdict::wrong_recipient;
  if (sent->seconds < now.seconds - window_s || sent->seconds > now.seconds + window_s)
    return Verdict::outside_window;
  const std::string signature = from_base64(signature_b64);
  if (signature.size() != crypto_sign_BYTES) return Verdict::bad_signature;
  const std::string message = canonical_bytes(e);
  bool any_valid = false;
  for (const auto& key : keys) {
    // A key signs what was sent in its validity: from valid_from, until valid_to (exclusive).
    const auto from = instant(key.valid_from, utc_offset_minutes);
    if (!from || *sent < *from) continue;
    if (!key.valid_to.empty()) {
      const auto to = instant(key.valid_to, utc_offset_minutes);
      if (!to || !(*sent < *to)) continue;
    }
    const std::string pk = from_base64(key.public_key);
    if (pk.size() != crypto_sign_PUBLICKEYBYTES) continue;
    any_valid = true;
    if (crypto_sign_verify_detached(bytes(signature), bytes(message), message.size(), bytes(pk)) ==
        0) {
      return Verdict::accepted;
    }
  }
  return any_valid ? Verdict::bad_signature : Verdict::no_valid_key;
}

KeyPair new_key_pair() {
  ensure_sodium();
  std::string pk(crypto_sign_PUBLICKEYBYTES, '\0');
  std::string sk(crypto_sign_SECRETKEYBYTES, '\0');
  crypto_sign_keypair(reinterpret_cast<unsigned char*>(pk.data()),
                      reinterpret_cast<unsigned char*>(sk.data()));
  return {sk, to_base64(pk)};
}

std::string public_key_of(const std::string& secret_key) {
  if (secret_key.size() != crypto_sign_SECRETKEYBYTES) return {};
  // libsodium's Ed25519 secret key carries the public key in its second half.
  return to_base64(secret_key.substr(crypto_sign_SECRETKEYBYTES - crypto_sign_PUBLICKEYBYTES));
}

}  // namespace motcua::app::exchange
