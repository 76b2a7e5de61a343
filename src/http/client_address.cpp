#include "http/client_address.hpp"

#include <arpa/inet.h>

#include <algorithm>
#include <charconv>
#include <cstring>

namespace motcua::http {
namespace {

// IPv4 becomes ::ffff:a.b.c.d so one comparison serves both families.
std::optional<std::array<std::uint8_t, 16>> to_bytes(std::string_view text) {
  if (text.empty() || text.size() > 45) return std::nullopt;
  const std::string s(text);
  std::array<std::uint8_t, 16> out{};
  in_addr v4{};
  if (inet_pton(AF_INET, s.c_str(), &v4) == 1) {
    out[10] = 0xff;
    out[11] = 0xff;
    std::memcpy(out.data() + 12, &v4, 4);
    return out;
  }
  in6_addr v6{};
  if (inet_pton(AF_INET6, s.c_str(), &v6) == 1) {
    std::memcpy(out.data(), &v6, 16);
    return out;
  }
  return std::nullopt;
}

bool is_mapped_v4(const std::array<std::uint8_t, 16>& b) {
  return std::all_of(b.begin(), b.begin() + 10, [](std::uint8_t x) { return x == 0; }) &&
         b[10] == 0xff && b[11] == 0xff;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

}  // namespace

std::optional<AddressRange> AddressRange::parse(std::string_view text) {
  text = trim(text);
  const auto slash = text.find('/');
  const auto bytes = to_bytes(text.substr(0, slash));
  if (!bytes) return std::nullopt;
  AddressRange range;
  range.bytes_ = *bytes;
  const bool v4 = text.substr(0, slash).find(':') == std::string_view::npos;
  if (slash != std::string_view::npos) {
    const auto digits = text.substr(slash + 1);
    int bits = -1;
    const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), bits);
    if (ec != std::errc{} || end != digits.data() + digits.size()) return std::nullopt;
    if (bits < 0 || bits > (v4 ? 32 : 128)) return std::nullopt;
    range.prefix_bits_ = v4 ? bits + 96 : bits;
  }
  return range;
}

bool AddressRange::contains(std::string_view address) const {
  const auto bytes = to_bytes(address);
  if (!bytes) return false;
  int bits = prefix_bits_;
  for (std::size_t i = 0; i < 16 && bits > 0; ++i, bits -= 8) {
    const std::uint8_t mask =
        bits >= 8 ? std::uint8_t{0xff} : static_cast<std::uint8_t>(0xff << (8 - bits));
    if (((*bytes)[i] & mask) != (bytes_[i] & mask)) return false;
  }
  return true;
}

bool TrustedProxies::trusts(std::string_view address) const {
  return std::any_of(ranges_.begin(), ranges_.end(),
                     [&](const AddressRange& r) { return r.contains(address); });
}

std::string TrustedProxies::client_of(std::string_view peer, std::string_view forwarded_for) const {
  if (!trusts(peer)) return std::string(peer);
  std::string client(peer);
  // Right to left: each hop appended the address it saw; stop at the first one we do not trust.
  std::string_view rest = forwarded_for;
  while (!rest.empty()) {
    const auto comma = rest.rfind(',');
    const std::string_view hop =
        trim(comma == std::string_view::npos ? rest : rest.substr(comma + 1));
    rest = comma == std::string_view::npos ? std::string_view{} : rest.substr(0, comma);
    if (!to_bytes(hop)) break;  // garbage: keep the last address a trusted hop vouched for
    client = std::string(hop);
    if (!trusts(hop)) break;
  }
  return client;
}

bool is_loopback(std::string_view address) {
  const auto bytes = to_bytes(address);
  if (!bytes) return false;
  if (is_mapped_v4(*bytes)) return (*bytes)[12] == 127;
  static constexpr std::array<std::uint8_t, 16> kV6Loopback{0, 0, 0, 0, 0, 0, 0, 0,
                                                            0, 0, 0, 0, 0, 0, 0, 1};
  return *bytes == kV6Loopback;
}

}  // namespace motcua::http
