// Small helpers the fuzz targets share: the input as text, cut into parts.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <utility>

namespace motcua::fuzz {

inline std::string_view as_text(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// The text before the first `separator` and the text after it (all of it and nothing when the
// separator is absent): one input carries two files, e.g. provinces and wards.
inline std::pair<std::string_view, std::string_view> split_once(std::string_view text,
                                                                std::string_view separator) {
  const auto at = text.find(separator);
  if (at == std::string_view::npos) return {text, {}};
  return {text.substr(0, at), text.substr(at + separator.size())};
}

}  // namespace motcua::fuzz
