#include "http/client_address.hpp"

#include <gtest/gtest.h>

namespace motcua::http {
namespace {

TrustedProxies proxies(std::initializer_list<const char*> ranges) {
  std::vector<AddressRange> parsed;
  for (const char* r : ranges) parsed.push_back(*AddressRange::parse(r));
  return TrustedProxies(std::move(parsed));
}

TEST(AddressRange, ParsesAddressesAndNetworks) {
  EXPECT_TRUE(AddressRange::parse("10.0.0.0/8")->contains("10.200.3.4"));
  EXPECT_FALSE(AddressRange::parse("10.0.0.0/8")->contains("11.0.0.1"));
  EXPECT_TRUE(AddressRange::parse("192.168.1.7")->contains("192.168.1.7"));
  EXPECT_FALSE(AddressRange::parse("192.168.1.7")->contains("192.168.1.8"));
  EXPECT_TRUE(AddressRange::parse("fd00::/8")->contains("fd12::1"));
  EXPECT_TRUE(AddressRange::parse("127.0.0.1")->contains("::ffff:127.0.0.1"));
  EXPECT_TRUE(AddressRange::parse("0.0.0.0/0")->contains("8.8.8.8"));
  EXPECT_FALSE(AddressRange::parse("0.0.0.0/0")->contains("2001:db8::1"));
  for (const char* bad :
       {"", "10.0.0.0/33", "10.0.0/8", "::1/129", "x", "10.0.0.0/", "1.2.3.4/8x"}) {
    EXPECT_FALSE(AddressRange::parse(bad)) << bad;
  }
}

TEST(TrustedProxies, AnUntrustedPeerIsItsOwnClientWhateverItClaims) {
  const auto trusted = proxies({"127.0.0.1"});
  EXPECT_EQ(trusted.client_of("203.0.113.9", "198.51.100.1"), "203.0.113.9");
  EXPECT_EQ(TrustedProxies{}.client_of("127.0.0.1", "198.51.100.1"), "127.0.0.1");
}

TEST(TrustedProxies, TheRightmostUntrustedHopIsTheClient) {
  const auto trusted = proxies({"127.0.0.1", "10.0.0.0/8"});
  EXPECT_EQ(trusted.client_of("127.0.0.1", "198.51.100.1"), "198.51.100.1");
  // The client forged the first entry; nginx and an inner balancer appended the rest.
  EXPECT_EQ(trusted.client_of("127.0.0.1", "1.1.1.1, 198.51.100.1, 10.0.0.5"), "198.51.100.1");
  // No header from a trusted proxy: the proxy itself.
  EXPECT_EQ(trusted.client_of("127.0.0.1", ""), "127.0.0.1");
  // Garbage where an address should be: the last hop a trusted proxy vouched for.
  EXPECT_EQ(trusted.client_of("127.0.0.1", "1.1.1.1, not-an-ip"), "127.0.0.1");
}

TEST(Loopback, RecognisesBothFamilies) {
  EXPECT_TRUE(is_loopback("127.0.0.1"));
  EXPECT_TRUE(is_loopback("127.8.9.1"));
  EXPECT_TRUE(is_loopback("::1"));
  EXPECT_TRUE(is_loopback("::ffff:127.0.0.1"));
  EXPECT_FALSE(is_loopback("10.0.0.1"));
  EXPECT_FALSE(is_loopback("::2"));
  EXPECT_FALSE(is_loopback(""));
}

}  // namespace
}  // namespace motcua::http
