#include "app/exchange/envelope.hpp"

#include <gtest/gtest.h>

#include "codec/iso_time.hpp"

namespace motcua::app::exchange {
namespace {

Instant at(const char* iso) { return *codec::parse_iso_instant(iso, 420); }

struct EnvelopeTest : ::testing::Test {
  KeyPair sender = new_key_pair();
  Envelope envelope{"tinh-a:1",
                    "tinh-a",
                    "tinh-b",
                    "dossier_transfer",
                    "2026-12-06T10:00:00+07:00",
                    R"({"dossier":"d1","papers":[]})"};
  std::vector<PartnerKey> keys{{sender.public_key, "2026-01-01T00:00:00+07:00", ""}};
  Instant now = at("2026-12-06T10:01:00+07:00");

  Verdict verify(const Envelope& e, const std::string& signature) {
    return verify_envelope(e, signature, keys, "tinh-b", now, 300);
  }
};

TEST_F(EnvelopeTest, SignedByARegisteredKeyIsAccepted) {
  EXPECT_EQ(verify(envelope, sign_envelope(envelope, sender.secret_key)), Verdict::accepted);
}

TEST_F(EnvelopeTest, ATamperedBodyOrHeaderIsRefused) {
  const auto signature = sign_envelope(envelope, sender.secret_key);
  auto body = envelope;
  body.body = R"({"dossier":"d2","papers":[]})";
  EXPECT_EQ(verify(body, signature), Verdict::bad_signature);
  auto kind = envelope;
  kind.kind = "result";
  EXPECT_EQ(verify(kind, signature), Verdict::bad_signature);
  auto id = envelope;
  id.message_id = "tinh-a:2";
  EXPECT_EQ(verify(id, signature), Verdict::bad_signature);
}

TEST_F(EnvelopeTest, AnotherKeysSignatureIsRefused) {
  const auto intruder = new_key_pair();
  EXPECT_EQ(verify(envelope, sign_envelope(envelope, intruder.secret_key)), Verdict::bad_signature);
  EXPECT_EQ(verify(envelope, "not base64!"), Verdict::bad_signature);
}

TEST_F(EnvelopeTest, AKeyIsValidOnlyInItsPeriodAndRotationKeepsBothWorking) {
  const auto next = new_key_pair();
  // The old key ends at 09:30; the next one is valid from 09:00, published ahead of its use.
  keys = {{sender.public_key, "2026-01-01T00:00:00+07:00", "2026-12-06T09:30:00+07:00"},
          {next.public_key, "2026-12-06T09:00:00+07:00", ""}};
  // Sent at 10:00: the old key has expired.
  EXPECT_EQ(verify(envelope, sign_envelope(envelope, sender.secret_key)), Verdict::bad_signature);
  EXPECT_EQ(verify(envelope, sign_envelope(envelope, next.secret_key)), Verdict::accepted);
  keys = {{sender.public_key, "2026-01-01T00:00:00+07:00", "2026-12-06T09:30:00+07:00"}};
  EXPECT_EQ(verify(envelope, sign_envelope(envelope, sender.secret_key)), Verdict::no_valid_key);
  keys = {{sender.public_key, "2026-12-07T00:00:00+07:00", ""}};
  EXPECT_EQ(verify(envelope, sign_envelope(envelope, sender.secret_key)), Verdict::no_valid_key);
}

TEST_F(EnvelopeTest, AMessageForAnotherInstanceIsRefused) {
  const auto signature = sign_envelope(envelope, sender.secret_key);
  EXPECT_EQ(verify_envelope(envelope, signature, keys, "bo-tu-phap", now, 300),
            Verdict::wrong_recipient);
}

TEST_F(EnvelopeTest, AnOldMessageReplayedLaterIsOutsideTheWindow) {
  const auto signature = sign_envelope(envelope, sender.secret_key);
  EXPECT_EQ(
      verify_envelope(envelope, signature, keys, "tinh-b", at("2026-12-06T10:06:00+07:00"), 300),
      Verdict::outside_window);
  EXPECT_EQ(
      verify_envelope(envelope, signature, keys, "tinh-b", at("2026-12-06T09:54:00+07:00"), 300),
      Verdict::outside_window);
}

TEST_F(EnvelopeTest, AHeaderWithALineBreakOrAnUnknownKindIsMalformed) {
  auto e = envelope;
  e.from = "tinh-a\ntinh-b";
  EXPECT_EQ(verify(e, sign_envelope(e, sender.secret_key)), Verdict::malformed);
  e = envelope;
  e.kind = "gossip";
  EXPECT_EQ(verify(e, sign_envelope(e, sender.secret_key)), Verdict::malformed);
}

TEST_F(EnvelopeTest, ThePublicKeyIsReadFromTheSecretKey) {
  EXPECT_EQ(public_key_of(sender.secret_key), sender.public_key);
  EXPECT_EQ(from_base64(to_base64(std::string("\0\1\2x", 4))), std::string("\0\1\2x", 4));
}

}  // namespace
}  // namespace motcua::app::exchange
