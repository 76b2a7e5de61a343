#include "app/accounts/totp.hpp"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <array>
#include <cctype>

namespace motcua::app::totp {

namespace {

constexpr std::string_view kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

// Percent-encoding of a URI component: unreserved characters stay (RFC 3986 section 2.3).
std::string uri_component(std::string_view s) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (const char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u) || c == '-' || c == '.' || c == '_' || c == '~') {
      out += c;
    } else {
      out += '%';
      out += kHex[u >> 4];
      out += kHex[u & 0xF];
    }
  }
  return out;
}

}  // namespace

std::string hotp(std::string_view key, std::uint64_t counter, int digits) {
  std::array<unsigned char, 8> message{};
  for (int i = 7; i >= 0; --i) {
    message[static_cast<std::size_t>(i)] = static_cast<unsigned char>(counter & 0xFF);
    counter >>= 8;
  }
  std::array<unsigned char, EVP_MAX_MD_SIZE> mac{};
  unsigned int length = 0;
  HMAC(EVP_sha1(), key.data(), static_cast<int>(key.size()), message.data(), message.size(),
       mac.data(), &length);
  const unsigned offset = mac[length - 1] & 0x0F;
  const std::uint32_t binary = (static_cast<std::uint32_t>(mac[offset] & 0x7F) << 24) |
                               (static_cast<std::uint32_t>(mac[offset + 1]) << 16) |
                               (static_cast<std::uint32_t>(mac[offset + 2]) << 8) |
                               static_cast<std::uint32_t>(mac[offset + 3]);
  std::uint32_t modulo = 1;
  for (int i = 0; i < digits; ++i) modulo *= 10;
  std::string out = std::to_string(binary % modulo);
  return std::string(static_cast<std::size_t>(digits) - out.size(), '0') + out;
}

std::int64_t step_of(std::int64_t unix_s) { return unix_s / kStepSeconds; }

std::string code_at(std::string_view key, std::int64_t unix_s, int digits) {
  return hotp(key, static_cast<std::uint64_t>(step_of(unix_s)), digits);
}

std::optional<std::int64_t> matching_step(std::string_view key, std::string_view code,
                                          std::int64_t now_s, std::int64_t last_used_step) {
  if (code.size() != static_cast<std::size_t>(kDigits)) return std::nullopt;
  const auto now = step_of(now_s);
  std::optional<std::int64_t> found;
  // All three are computed whichever matches, so the time does not tell which step it was.
  for (std::int64_t step = now - 1; step <= now + 1; ++step) {
    const auto expected = hotp(key, static_cast<std::uint64_t>(step));
    if (CRYPTO_memcmp(expected.data(), code.data(), expected.size()) == 0 &&
        step > last_used_step && !found) {
      found = step;
    }
  }
  return found;
}

std::string base32(std::string_view bytes) {
  std::string out;
  std::uint32_t buffer = 0;
  int bits = 0;
  for (const char c : bytes) {
    buffer = (buffer << 8) | static_cast<unsigned char>(c);
    bits += 8;
    while (bits >= 5) {
      out += kAlphabet[(buffer >> (bits - 5)) & 0x1F];
      bits -= 5;
    }
  }
  if (bits > 0) out += kAlphabet[(buffer << (5 - bits)) & 0x1F];
  return out;
}

std::optional<std::string> from_base32(std::string_view text) {
  std::string out;
  std::uint32_t buffer = 0;
  int bits = 0;
  for (const char c : text) {
    if (c == '=') break;
    const auto i = kAlphabet.find(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
    if (i == std::string_view::npos) return std::nullopt;
    buffer = (buffer << 5) | static_cast<std::uint32_t>(i);
    bits += 5;
    if (bits >= 8) {
      out += static_cast<char>((buffer >> (bits - 8)) & 0xFF);
      bits -= 8;
    }
  }
  return out;
}

std::string otpauth_uri(std::string_view issuer, std::string_view account, std::string_view key) {
  return "otpauth://totp/" + uri_component(issuer) + ":" + uri_component(account) +
         "?secret=" + base32(key) + "&issuer=" + uri_component(issuer) +
         "&algorithm=SHA1&digits=" + std::to_string(kDigits) +
         "&period=" + std::to_string(kStepSeconds);
}

}  // namespace motcua::app::totp
