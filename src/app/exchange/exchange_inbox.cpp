#include "app/exchange/exchange_inbox.hpp"

#include <sodium.h>

#include "store/exchange_repository.hpp"

namespace motcua::app::exchange {

namespace {

AppError refused(const std::string& code, const std::string& vi, const std::string& en) {
  return AppError{ErrorKind::unauthenticated, code, vi, en, "signature"};
}

// What a retry repeats exactly: the sender signs each attempt again with its own sent_at.
std::string content_hash(const codec::ExchangeWire& w) {
  const std::string text = w.kind + "\n" + w.body;
  unsigned char hash[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(hash, reinterpret_cast<const unsigned char*>(text.data()), text.size());
  char hex[crypto_hash_sha256_BYTES * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, hash, sizeof hash);
  return hex;
}

Envelope envelope_of(const codec::ExchangeWire& w) {
  return {w.message_id, w.from, w.to, w.kind, w.sent_at, w.body};
}

}  // namespace

codec::ExchangeWire seal(const Envelope& e, const InstanceIdentity& self) {
  return {e.message_id, e.from, e.to, e.kind, e.sent_at, e.body, sign_envelope(e, self.secret_key)};
}

AppResult<ReceivedMessage> receive_message(store::SqlConnection& db, const InstanceIdentity& self,
                                           InboundContext& effects,
                                           const codec::ExchangeWire& message, Instant now,
                                           const std::string& now_iso) {
  if (self.id.empty())
    return tl::unexpected(conflict("exchange_not_configured",
                                   "Hệ thống này chưa cấu hình liên thông (--instance-id).",
                                   "Exchange is not configured on this instance (--instance-id)."));
  if (!store::find_exchange_partner(db, message.from)) {
    return tl::unexpected(refused("unknown_partner",
                                  "from: hệ thống gửi chưa được đăng ký làm đối tác liên thông.",
                                  "from: the sending instance is not a registered partner."));
  }
  std::vector<PartnerKey> keys;
  for (const auto& k : store::exchange_keys_of(db, message.from))
    keys.push_back({k.public_key, k.valid_from, k.valid_to});
  const auto envelope = envelope_of(message);
  const auto verdict =
      verify_envelope(envelope, message.signature, keys, self.id, now, kWindowSeconds);
  switch (verdict) {
    case Verdict::accepted:
      break;
    case Verdict::malformed:
      return tl::unexpected(AppError{
          ErrorKind::invalid_input, "invalid_input",
          "envelope: thiếu trường, loại thông điệp không hợp lệ hoặc thời điểm sai định dạng.",
          "envelope: a missing field, an unknown kind or a malformed time.", "envelope"});
    case Verdict::wrong_recipient:
      return tl::unexpected(refused("wrong_recipient", "to: thông điệp không gửi cho hệ thống này.",
                                    "to: the message is not addressed to this instance."));
    case Verdict::outside_window:
      return tl::unexpected(refused("outside_window",
                                    "sent_at: thời điểm gửi nằm ngoài khoảng cho phép.",
                                    "sent_at: the message was sent outside the accepted window."));
    case Verdict::no_valid_key:
      return tl::unexpected(refused("no_valid_key",
                                    "signature: đối tác không có khóa hiệu lực tại thời điểm gửi.",
                                    "signature: the partner has no key valid at sent_at."));
    case Verdict::bad_signature:
      return tl::unexpected(refused("bad_signature", "signature: chữ ký không hợp lệ.",
                                    "signature: the signature does not verify."));
  }
  if (const auto seen = store::find_exchange_received(db, message.from, message.message_id)) {
    if (seen->content_hash != content_hash(message)) {
      return tl::unexpected(conflict(
          "message_id_reused", "message_id: mã thông điệp đã được dùng cho một nội dung khác.",
          "message_id: this message id was already used for other content.", "message_id"));
    }
    auto receipt = codec::exchange_wire_from_text(seen->receipt);
    if (!receipt) throw std::runtime_error("stored exchange receipt is unreadable");
    return ReceivedMessage{*receipt, true};
  }
  // The kinds' own effects (a child dossier for a transfer, the parent's step resumed by a result)
  // are taken here, in the same transaction as the record of the message; the reference names it.
  auto reference = take_effect(db, effects, message, now_iso);
  if (!reference) return tl::unexpected(reference.error());
  const Envelope receipt{self.id + ":receipt:" + message.from + ":" + message.message_id,
                         self.id,
                         message.from,
                         "receipt",
                         now_iso,
                         codec::exchange_receipt_body(message.message_id, *reference)};
  const auto sealed = seal(receipt, self);
  store::insert_exchange_received(
      db, {message.message_id, message.from, message.kind, content_hash(message), now_iso,
           codec::exchange_wire_to_text(sealed)});
  return ReceivedMessage{sealed, false};
}

}  // namespace motcua::app::exchange
