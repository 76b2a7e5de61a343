// gzip for dynamic answers (API JSON, SVG, text): a procedure's full document is ~16 KB of JSON,
// ~4 KB compressed, which a phone on a slow line feels. Static files have their own precompressed
// variants (static_files.cpp) and are left alone here.
#pragma once

#include "http/http_types.hpp"

namespace motcua::http {

// Below this, gzip's header and the CPU cost buy nothing.
inline constexpr std::size_t kCompressMinBytes = 1024;

// Compresses `response` in place when the client accepts gzip and the answer is worth it: a 2xx
// with a body of at least kCompressMinBytes of a textual type, not already encoded.
//
// BREACH (a secret and attacker-chosen text compressed together leak the secret through the
// size) is ruled out by never compressing an answer that sets a cookie or that answers the
// session route, the only one whose body carries a secret (the CSRF token).
void compress_response(const HttpRequest& request, HttpResponse& response);

}  // namespace motcua::http
