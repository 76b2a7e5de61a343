// Password hashing with Argon2id (libsodium's crypto_pwhash_str, which encodes the algorithm, its
// parameters and the salt in the stored string, so parameters can be raised later without a
// migration: old hashes still verify, and needs_rehash says when to upgrade one).
#pragma once

#include <string>
#include <string_view>

namespace motcua::app {

enum class PasswordCost {
  interactive,  // libsodium's INTERACTIVE limits: 2 passes, 64 MiB (the default for logins)
  moderate,     // 3 passes, 256 MiB
};

// Throws std::runtime_error when libsodium cannot allocate the memory it needs.
std::string hash_password(std::string_view password, PasswordCost cost = PasswordCost::interactive);
bool verify_password(const std::string& stored_hash, std::string_view password);
bool needs_rehash(const std::string& stored_hash, PasswordCost cost = PasswordCost::interactive);

// Random token of `bytes` bytes as URL-safe base64 without padding (session cookies, CSRF tokens).
std::string random_token(std::size_t bytes = 32);

// Rules for new passwords: 10 to 128 characters; refuses the commonest choices.
std::string password_problem(std::string_view password);

}  // namespace motcua::app
