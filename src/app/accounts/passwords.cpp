#include "app/accounts/passwords.hpp"

#include <sodium.h>

#include <array>
#include <stdexcept>
#include <vector>

namespace motcua::app {

namespace {

struct Limits {
  unsigned long long ops;
  std::size_t mem;
};

Limits limits(PasswordCost cost) {
  if (cost == PasswordCost::moderate) {
    return {crypto_pwhash_OPSLIMIT_MODERATE, crypto_pwhash_MEMLIMIT_MODERATE};
  }
  return {crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE};
}

void ensure_sodium() {
  static const bool ready = [] { return sodium_init() >= 0; }();
  if (!ready) throw std::runtime_error("libsodium failed to initialise");
}

}  // namespace

std::string hash_password(std::string_view password, PasswordCost cost) {
  ensure_sodium();
  const auto l = limits(cost);
  std::array<char, crypto_pwhash_STRBYTES> out{};
  if (crypto_pwhash_str_alg(out.data(), password.data(), password.size(), l.ops, l.mem,
                            crypto_pwhash_ALG_ARGON2ID13) != 0) {
    throw std::runtime_error("password hashing ran out of memory");
  }
  return out.data();
}

bool verify_password(const std::string& stored_hash, std::string_view password) {
  ensure_sodium();
  if (stored_hash.size() >= crypto_pwhash_STRBYTES) return false;
  return crypto_pwhash_str_verify(stored_hash.c_str(), password.data(), password.size()) == 0;
}

bool needs_rehash(const std::string& stored_hash, PasswordCost cost) {
  ensure_sodium();
  const auto l = limits(cost);
  return crypto_pwhash_str_needs_rehash(stored_hash.c_str(), l.ops, l.mem) != 0;
}

std::string random_token(std::size_t bytes) {
  ensure_sodium();
  std::vector<unsigned char> raw(bytes);
  randombytes_buf(raw.data(), raw.size());
  std::string out(sodium_base64_ENCODED_LEN(bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING), '\0');
  sodium_bin2base64(out.data(), out.size(), raw.data(), raw.size(),
                    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  out.resize(std::char_traits<char>::length(out.c_str()));
  return out;
}

std::string password_problem(std::string_view password) {
  if (password.size() < 10) return "password must have at least 10 characters";
  if (password.size() > 128) return "password must have at most 128 characters";
  static constexpr std::array<std::string_view, 6> kCommon = {
      "1234567890", "0123456789", "password123", "matkhau123", "qwertyuiop", "abc1234567"};
  for (const auto common : kCommon) {
    if (password == common) return "password is too common";
  }
  return {};
}

}  // namespace motcua::app
