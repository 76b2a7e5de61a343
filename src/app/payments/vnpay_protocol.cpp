#include "app/payments/vnpay_protocol.hpp"

#include <sodium.h>

#include <cctype>
#include <cstdio>

namespace motcua::app::payments {

std::string form_encode(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(text.size() * 3);
  for (const char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.') {
      out.push_back(ch);
    } else if (c == ' ') {
      out.push_back('+');
    } else {
      out.push_back('%');
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 15]);
    }
  }
  return out;
}

std::string vnpay_hash_data(const VnpParams& params) {
  std::string data;
  for (const auto& [name, value] : params) {
    if (name == "vnp_SecureHash" || name == "vnp_SecureHashType") continue;
    if (value.empty() || name.rfind("vnp_", 0) != 0) continue;
    if (!data.empty()) data.push_back('&');
    data += form_encode(name) + "=" + form_encode(value);
  }
  return data;
}

std::string hmac_sha512_hex(const std::string& secret, const std::string& message) {
  static const bool ready = sodium_init() >= 0;
  (void)ready;
  unsigned char mac[crypto_auth_hmacsha512_BYTES];
  crypto_auth_hmacsha512_state state;
  crypto_auth_hmacsha512_init(&state, reinterpret_cast<const unsigned char*>(secret.data()),
                              secret.size());
  crypto_auth_hmacsha512_update(&state, reinterpret_cast<const unsigned char*>(message.data()),
                                message.size());
  crypto_auth_hmacsha512_final(&state, mac);
  char hex[sizeof mac * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, mac, sizeof mac);
  return hex;
}

std::string vnpay_signed_query(const VnpParams& params, const std::string& secret) {
  const std::string data = vnpay_hash_data(params);
  return data + "&vnp_SecureHash=" + hmac_sha512_hex(secret, data);
}

bool vnpay_signature_valid(const VnpParams& params, const std::string& secret) {
  const auto given = params.find("vnp_SecureHash");
  if (given == params.end() || secret.empty()) return false;
  std::string sent = given->second;
  for (auto& c : sent) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  const std::string expected = hmac_sha512_hex(secret, vnpay_hash_data(params));
  return sent.size() == expected.size() &&
         sodium_memcmp(sent.data(), expected.data(), expected.size()) == 0;
}

std::string vnpay_time(Instant t) {
  const auto local = to_local(t, kVnpayUtcOffsetMinutes);
  const auto ymd = ymd_of(local.date);
  const auto s = local.second_of_day;
  char text[32];
  std::snprintf(text, sizeof text, "%04d%02d%02d%02d%02d%02d", ymd.year, ymd.month, ymd.day,
                static_cast<int>(s / 3600), static_cast<int>(s / 60 % 60),
                static_cast<int>(s % 60));
  return text;
}

std::string vnpay_amount(std::int64_t vnd) { return std::to_string(vnd * 100); }

std::int64_t vnd_of_vnpay_amount(std::string_view amount) {
  if (amount.empty() || amount.size() > 17) return -1;
  std::int64_t value = 0;
  for (const char c : amount) {
    if (c < '0' || c > '9') return -1;
    value = value * 10 + (c - '0');
  }
  if (value % 100 != 0) return -1;
  return value / 100;
}

}  // namespace motcua::app::payments
