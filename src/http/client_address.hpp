// Who the client really is when the server sits behind a reverse proxy (docs/security.md,
// "Behind a TLS proxy"). Without this every request behind nginx comes from 127.0.0.1, so one
// address's login throttle or rate limit would lock the whole province out at once.
//
// Only proxies the operator names are believed: their X-Forwarded-For is read from the right,
// skipping further trusted hops, and the first address that is not a trusted proxy is the
// client. Anything to its left was written by the client itself and is ignored. A request whose
// peer is not a trusted proxy is its own client, whatever headers it sends.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace motcua::http {

// An IPv4 or IPv6 network ("10.0.0.0/8", "::1", "192.168.1.7"); IPv4-mapped IPv6 peers
// ("::ffff:10.1.2.3") match IPv4 ranges.
class AddressRange {
 public:
  // nullopt when `text` is not an address with an optional prefix length in range.
  static std::optional<AddressRange> parse(std::string_view text);
  bool contains(std::string_view address) const;

 private:
  std::array<std::uint8_t, 16> bytes_{};  // IPv4 in the IPv4-mapped IPv6 form
  int prefix_bits_ = 128;
};

class TrustedProxies {
 public:
  TrustedProxies() = default;
  explicit TrustedProxies(std::vector<AddressRange> ranges) : ranges_(std::move(ranges)) {}
  bool empty() const { return ranges_.empty(); }
  bool trusts(std::string_view address) const;

  // The client's address: `peer` unless `peer` is trusted and `forwarded_for` names one.
  std::string client_of(std::string_view peer, std::string_view forwarded_for) const;

 private:
  std::vector<AddressRange> ranges_;
};

// True for 127.0.0.0/8 and ::1 (also in the IPv4-mapped form).
bool is_loopback(std::string_view address);

}  // namespace motcua::http
