// UTF-8 decoding and encoding that never fails: catalog data comes from scrapers and office
// exports, so a stray Latin-1 byte or a truncated sequence must not stop an import.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace motcua::text {

inline constexpr char32_t kReplacementChar = 0xFFFD;

// Decodes the code point starting at `pos` and moves `pos` past it. A byte that does not start a
// well-formed sequence (stray continuation byte, overlong form, surrogate, beyond U+10FFFF,
// truncated sequence) gives U+FFFD and consumes exactly one byte, so decoding always advances and
// resynchronises at the next lead byte. `pos` must be < s.size().
char32_t decode_utf8(std::string_view s, std::size_t& pos);

// Appends the UTF-8 form of `cp`; a surrogate or a value beyond U+10FFFF is written as U+FFFD.
void append_utf8(std::string& out, char32_t cp);

// The whole string as code points (invalid bytes as U+FFFD).
std::u32string to_code_points(std::string_view s);

}  // namespace motcua::text
