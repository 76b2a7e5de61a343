#include "codec/catalog_json.hpp"

namespace motcua::codec::catalog_json {

namespace json = boost::json;
using catalog::WarningKind;

const json::value* find(const json::object& o, std::string_view key) {
  if (const auto* v = o.if_contains(key)) return v;
  for (const auto& [k, v] : o) {
    if (text::fold_vietnamese(std::string_view(k.data(), k.size())) == key) return &v;
  }
  return nullptr;
}

std::string text(const json::object& o, std::string_view key, const std::string& path,
                 catalog::Warnings& warnings, text::CleanOptions options) {
  const json::value* v = find(o, key);
  if (v == nullptr || v->is_null()) return {};
  if (v->is_string()) {
    const auto& s = v->get_string();
    return text::clean_text(std::string_view(s.data(), s.size()), options);
  }
  if (v->is_int64()) return std::to_string(v->get_int64());
  if (v->is_uint64()) return std::to_string(v->get_uint64());
  if (v->is_double()) return json::serialize(*v);
  catalog::warn(warnings, WarningKind::field_type, path, json::serialize(*v),
                "expected text; treated as empty");
  return {};
}

std::string info(const json::object& o, std::string_view key, const std::string& path,
                 catalog::Warnings& warnings, text::CleanOptions options) {
  std::string s = text(o, key, path, warnings, options);
  return text::fold_vietnamese(s) == "khong co thong tin" ? std::string() : s;
}

const json::array* array(const json::object& o, std::string_view key, const std::string& path,
                         catalog::Warnings& warnings) {
  const json::value* v = find(o, key);
  if (v == nullptr || v->is_null()) return nullptr;
  if (v->is_array()) return &v->get_array();
  catalog::warn(warnings, WarningKind::field_type, path, json::serialize(*v),
                "expected a list; treated as empty");
  return nullptr;
}

const json::object* object(const json::object& o, std::string_view key, const std::string& path,
                           catalog::Warnings& warnings) {
  const json::value* v = find(o, key);
  if (v == nullptr || v->is_null()) return nullptr;
  if (v->is_object()) return &v->get_object();
  catalog::warn(warnings, WarningKind::field_type, path, json::serialize(*v),
                "expected an object; treated as empty");
  return nullptr;
}

std::string at(const std::string& path, std::size_t i) {
  return path + "[" + std::to_string(i) + "]";
}

}  // namespace motcua::codec::catalog_json
