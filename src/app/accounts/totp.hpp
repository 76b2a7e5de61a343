// Time-based one-time passwords (RFC 6238 over RFC 4226 HOTP): HMAC-SHA-1, 6 digits, 30-second
// steps, as every authenticator app reads them from an otpauth:// URI (the Key Uri Format of
// Google Authenticator, which the others follow). Officials' second factor
// (app/accounts/second_factor.hpp) is built on these pure functions.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace motcua::app::totp {

inline constexpr std::int64_t kStepSeconds = 30;
inline constexpr int kDigits = 6;

// RFC 4226 section 5.3: HMAC-SHA-1 of the counter (8 bytes, big-endian), dynamic truncation,
// modulo 10^digits, left-padded with zeros.
std::string hotp(std::string_view key, std::uint64_t counter, int digits = kDigits);

// The step of a Unix time (T = floor(t / 30), RFC 6238 section 4.2).
std::int64_t step_of(std::int64_t unix_s);
std::string code_at(std::string_view key, std::int64_t unix_s, int digits = kDigits);

// The step among now-1, now and now+1 (one step of clock drift either way, RFC 6238 section 5.2)
// whose code is `code` and which is later than `last_used_step`, so no code is accepted twice;
// compared in constant time.
std::optional<std::int64_t> matching_step(std::string_view key, std::string_view code,
                                          std::int64_t now_s, std::int64_t last_used_step);

// RFC 4648 base32 (upper case, no padding), as otpauth:// URIs carry the secret.
std::string base32(std::string_view bytes);
std::optional<std::string> from_base32(std::string_view text);

// otpauth://totp/<issuer>:<account>?secret=...&issuer=...&algorithm=SHA1&digits=6&period=30
std::string otpauth_uri(std::string_view issuer, std::string_view account, std::string_view key);

}  // namespace motcua::app::totp
