// Small scanning helpers for folded catalog text (see domain/text/fold.hpp): folded text is
// lower-case ASCII for Vietnamese, so units and keywords are compared as plain bytes.
// Internal to src/domain/catalog.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

namespace motcua::catalog::scan {

inline bool is_digit(char c) { return c >= '0' && c <= '9'; }

inline std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\n')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\n')) s.remove_suffix(1);
  return s;
}

inline bool starts_with(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

// The run of digits starting at `pos` (empty if none); `pos` moves past it.
inline std::string_view digits_at(std::string_view s, std::size_t& pos) {
  const std::size_t start = pos;
  while (pos < s.size() && is_digit(s[pos])) ++pos;
  return s.substr(start, pos - start);
}

// The value of a run of at most 15 digits (so it fits in 64 bits with room to scale).
inline std::optional<std::int64_t> digits_value(std::string_view digits) {
  if (digits.empty() || digits.size() > 15) return std::nullopt;
  std::int64_t value = 0;
  for (const char c : digits) value = value * 10 + (c - '0');
  return value;
}

}  // namespace motcua::catalog::scan
