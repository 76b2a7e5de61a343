#include "app/accounts/totp.hpp"

#include <gtest/gtest.h>

namespace motcua::app::totp {
namespace {

// RFC 6238 appendix B, the SHA-1 rows: the 20-byte ASCII key "12345678901234567890", 8 digits.
TEST(Totp, MatchesTheRfc6238AppendixBVectors) {
  const std::string key = "12345678901234567890";
  const std::pair<std::int64_t, const char*> vectors[] = {
      {59, "94287082"},         {1111111109, "07081804"}, {1111111111, "14050471"},
      {1234567890, "89005924"}, {2000000000, "69279037"}, {20000000000, "65353130"}};
  for (const auto& [t, expected] : vectors) EXPECT_EQ(code_at(key, t, 8), expected) << t;
  // RFC 4226 appendix D: HOTP with the same key, 6 digits.
  EXPECT_EQ(hotp(key, 0), "755224");
  EXPECT_EQ(hotp(key, 9), "520489");
}

TEST(Totp, AcceptsOneStepOfDriftEitherWayAndNoStepTwice) {
  const std::string key = "12345678901234567890";
  const std::int64_t now = 1234567890;
  const auto step = step_of(now);
  EXPECT_EQ(matching_step(key, code_at(key, now), now, 0), step);
  EXPECT_EQ(matching_step(key, code_at(key, now - 30), now, 0), step - 1);
  EXPECT_EQ(matching_step(key, code_at(key, now + 30), now, 0), step + 1);
  EXPECT_FALSE(matching_step(key, code_at(key, now - 60), now, 0));
  EXPECT_FALSE(matching_step(key, code_at(key, now + 60), now, 0));
  EXPECT_FALSE(matching_step(key, code_at(key, now), now, step)) << "used already";
  EXPECT_FALSE(matching_step(key, code_at(key, now - 30), now, step)) << "older than the last";
  EXPECT_FALSE(matching_step(key, "12345", now, 0));
}

TEST(Totp, Base32AndTheOtpauthUriAsAuthenticatorAppsReadThem) {
  // RFC 4648 section 10 (without padding).
  EXPECT_EQ(base32("foobar"), "MZXW6YTBOI");
  EXPECT_EQ(base32("f"), "MY");
  EXPECT_EQ(from_base32("MZXW6YTBOI"), "foobar");
  EXPECT_EQ(from_base32("mzxw6ytboi"), "foobar");
  EXPECT_FALSE(from_base32("MZ1"));
  EXPECT_EQ(otpauth_uri("MotCua Ninh Bình", "lanh.dao", "foobar"),
            "otpauth://totp/MotCua%20Ninh%20B%C3%ACnh:lanh.dao?secret=MZXW6YTBOI&issuer="
            "MotCua%20Ninh%20B%C3%ACnh&algorithm=SHA1&digits=6&period=30");
}

}  // namespace
}  // namespace motcua::app::totp
