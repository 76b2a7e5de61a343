// SHA-256 as lowercase hex (OpenSSL), for the event chain, session tokens and content hashes.
#pragma once

#include <string>
#include <string_view>

namespace motcua::store {

std::string sha256_hex(std::string_view data);

}  // namespace motcua::store
