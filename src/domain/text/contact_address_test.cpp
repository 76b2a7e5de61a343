#include "domain/text/contact_address.hpp"

#include <gtest/gtest.h>

namespace motcua::text {
namespace {

TEST(ContactAddress, OnePersonsAddressIsOneKeyHoweverItWasTyped) {
  const auto mail = parse_contact_address("  An.Nguyen@Example.VN ");
  ASSERT_TRUE(mail);
  EXPECT_EQ(mail->kind, AddressKind::email);
  EXPECT_EQ(mail->value, "an.nguyen@example.vn");
  for (const char* typed : {"0912345678", "+84912345678", "84 912 345 678", "0912.345.678"}) {
    const auto p = parse_contact_address(typed);
    ASSERT_TRUE(p) << typed;
    EXPECT_EQ(p->kind, AddressKind::phone);
    EXPECT_EQ(p->value, "0912345678") << typed;
  }
}

TEST(ContactAddress, RefusesWhatCannotReceiveACode) {
  for (const char* typed :
       {"", "an@", "@example.vn", "an@example", "an@@example.vn", "an nguyen@example.vn",
        "091234567", "09123456789", "0012345678", "0912x45678", "a<b>@example.vn"}) {
    EXPECT_FALSE(parse_contact_address(typed)) << typed;
  }
}

}  // namespace
}  // namespace motcua::text
