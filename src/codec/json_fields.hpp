// Small helpers for reading fields of a JSON object with clear messages.
#pragma once

#include <boost/json.hpp>
#include <string>
#include <string_view>

#include "tl/expected.hpp"

namespace motcua::codec {

inline tl::expected<std::string_view, std::string> required_string(const boost::json::object& o,
                                                                   std::string_view key) {
  const auto* v = o.if_contains(key);
  if (v == nullptr) return tl::unexpected("missing '" + std::string(key) + "'");
  if (!v->is_string()) return tl::unexpected("'" + std::string(key) + "' must be a string");
  const auto& s = v->as_string();
  return std::string_view(s.data(), s.size());
}

// The text of a string field, or "" when it is absent or not a string (callers that must tell the
// two apart use required_string).
inline std::string text_field(const boost::json::object& o, std::string_view key) {
  const auto* v = o.if_contains(key);
  if (v == nullptr || !v->is_string()) return {};
  return std::string(v->as_string());
}

// A boolean field, or `fallback` when it is absent or not a boolean.
inline bool bool_field(const boost::json::object& o, std::string_view key, bool fallback) {
  const auto* v = o.if_contains(key);
  return v != nullptr && v->is_bool() ? v->as_bool() : fallback;
}

// A nested object, or nullptr.
inline const boost::json::object* object_field(const boost::json::object& o, std::string_view key) {
  const auto* v = o.if_contains(key);
  return v != nullptr && v->is_object() ? &v->as_object() : nullptr;
}

inline std::string_view optional_string(const boost::json::object& o, std::string_view key) {
  const auto* v = o.if_contains(key);
  if (v == nullptr || !v->is_string()) return {};
  const auto& s = v->as_string();
  return std::string_view(s.data(), s.size());
}

}  // namespace motcua::codec
