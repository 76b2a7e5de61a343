// SHA-256 as lowercase hex (OpenSSL), for the event chain, session tokens and content hashes.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace motcua::store {

std::string sha256_hex(std::string_view data);

// Bytes as lowercase hex, and back. Decoding takes lowercase hex only (what sha256_hex writes), so
// that decoding then encoding gives back the very text decoded; anything else is nullopt.
std::string hex_encode(std::string_view bytes);
std::optional<std::string> hex_decode(std::string_view hex);

}  // namespace motcua::store
