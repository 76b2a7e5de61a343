// gzip (RFC 1952) in memory, with zlib.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace motcua::http {

// Throws std::runtime_error if zlib fails (out of memory).
std::string gzip_compress(std::string_view data, int level = 6);

// Nullopt for data that is not a valid gzip stream or would inflate beyond `max_size` bytes (a
// guard against compression bombs).
std::optional<std::string> gzip_decompress(std::string_view data, std::size_t max_size);

}  // namespace motcua::http
