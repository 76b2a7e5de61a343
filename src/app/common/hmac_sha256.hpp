// HMAC-SHA256 as lower-case hex, the signature of MotCua's webhooks and of the post's callbacks
// (both sign timestamp + "." + body).
#pragma once

#include <string>

namespace motcua::app {

std::string hmac_sha256_hex(const std::string& key, const std::string& message);

}  // namespace motcua::app
