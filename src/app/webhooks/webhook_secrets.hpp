// The webhook signing secrets at rest: MotCua must sign with each secret, so a hash would not do;
// each is sealed (libsodium secretbox: XSalsa20-Poly1305, a fresh nonce per secret) under a 32-byte
// key kept in a file outside the database (--webhook-key-file, created 0600 on first use). A copy
// of the database alone does not reveal the secrets (docs/security.md "Webhook secrets").
#pragma once

#include <optional>
#include <string>

#include "app/common/app_error.hpp"

namespace motcua::app {

// The key in `path` (64 hex characters), created with a random key when the file does not exist.
AppResult<std::string> load_or_create_webhook_key(const std::string& path);

// A new secret to give the subscriber once: "whsec_" and 64 hex characters.
std::string new_webhook_secret();

// hex(nonce || secretbox(secret)) under `key` (32 bytes).
std::string seal_webhook_secret(const std::string& key, const std::string& secret);
// nullopt when `sealed` was not sealed under `key` or was altered.
std::optional<std::string> open_webhook_secret(const std::string& key, const std::string& sealed);

// The signature header value for a delivery: "sha256=" + hex HMAC-SHA256(secret, timestamp + "."
// + body).
std::string webhook_signature(const std::string& secret, const std::string& timestamp,
                              const std::string& body);

}  // namespace motcua::app
