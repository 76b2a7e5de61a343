// The VNPAY 2.1.0 merchant protocol's signing (docs/integrations.md "Online fee payment"; source:
// VNPAY's integration guide, sandbox.vnpayment.vn/apis/docs/huong-dan-tich-hop/ and
// .../chuyen-doi-thuat-toan/changeTypeHash.html). Every message (the pay URL MotCua builds, the
// IPN and the browser return VNPAY sends, the querydr call) carries vnp_SecureHash: the hex
// HMAC-SHA512, under the terminal's secret, of the vnp_* parameters sorted by name and joined as
// `urlencode(name)=urlencode(value)&...` (PHP urlencode: space as '+', %XX upper-case), without
// vnp_SecureHash and vnp_SecureHashType themselves and without empty values.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>

#include "domain/calendar/date.hpp"

namespace motcua::app::payments {

// Sorted by name (byte order: the parameter names are ASCII).
using VnpParams = std::map<std::string, std::string>;

// Vietnamese time (UTC+7) for vnp_CreateDate / vnp_ExpireDate, whatever the server's clock zone.
inline constexpr int kVnpayUtcOffsetMinutes = 7 * 60;

// PHP urlencode: letters, digits and "-_." kept, space as '+', every other byte as %XX.
std::string form_encode(std::string_view text);

// The text the signature covers.
std::string vnpay_hash_data(const VnpParams& params);

// Hex HMAC-SHA512 (lower case) of `message` under `secret`.
std::string hmac_sha512_hex(const std::string& secret, const std::string& message);

// The signed query string: the hash data followed by "&vnp_SecureHash=...".
std::string vnpay_signed_query(const VnpParams& params, const std::string& secret);

// True when params["vnp_SecureHash"] is the signature of the others (compared in constant time,
// case-insensitive hex).
bool vnpay_signature_valid(const VnpParams& params, const std::string& secret);

// yyyyMMddHHmmss in Vietnamese time.
std::string vnpay_time(Instant t);

// vnp_Amount: VND x 100 (the protocol's two implied decimals), as text.
std::string vnpay_amount(std::int64_t vnd);
// The VND of a vnp_Amount text; -1 unless it is digits and a whole number of dong.
std::int64_t vnd_of_vnpay_amount(std::string_view amount);

}  // namespace motcua::app::payments
