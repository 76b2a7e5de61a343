#include "codec/setup_templates_json.hpp"

#include <boost/json.hpp>

#include "codec/process_json.hpp"

namespace motcua::codec {

namespace json = boost::json;

namespace {

tl::expected<json::object, std::string> object_of(std::string_view text) {
  boost::system::error_code ec;
  auto value = json::parse(text, ec);
  if (ec) return tl::unexpected("invalid JSON: " + ec.message());
  if (!value.is_object()) return tl::unexpected(std::string("the template must be an object"));
  return std::move(value.as_object());
}

tl::expected<std::string, std::string> string_at(const json::object& o, std::string_view key,
                                                 const std::string& path) {
  const auto* v = o.if_contains(key);
  if (v == nullptr || !v->is_string() || v->as_string().empty()) {
    return tl::unexpected(path + std::string(key) + ": missing or not a non-empty string");
  }
  return std::string(v->as_string());
}

std::optional<std::string> unknown_key(const json::object& o,
                                       std::initializer_list<std::string_view> known,
                                       const std::string& path) {
  for (const auto& [key, value] : o) {
    bool found = false;
    for (const auto k : known) found = found || key == k;
    if (!found) return path + std::string(key) + ": unknown key";
  }
  return std::nullopt;
}

}  // namespace

tl::expected<std::vector<UnitTemplate>, std::string> parse_unit_templates(std::string_view text) {
  auto root = object_of(text);
  if (!root) return tl::unexpected(root.error());
  if (auto bad = unknown_key(*root, {"_about", "units"}, "")) return tl::unexpected(*bad);
  const auto* units = root->if_contains("units");
  if (units == nullptr || !units->is_array() || units->as_array().empty()) {
    return tl::unexpected(std::string("units: missing or not a non-empty array"));
  }
  std::vector<UnitTemplate> out;
  for (std::size_t i = 0; i < units->as_array().size(); ++i) {
    const auto path = "units[" + std::to_string(i) + "].";
    const auto* o = units->as_array()[i].if_object();
    if (o == nullptr) return tl::unexpected(path + ": not an object");
    if (auto bad = unknown_key(*o, {"agency_kind", "id", "name", "name_en", "address"}, path)) {
      return tl::unexpected(*bad);
    }
    UnitTemplate t;
    for (auto [key, field] : {std::pair{"agency_kind", &t.agency_kind},
                              {"id", &t.id},
                              {"name", &t.name},
                              {"name_en", &t.name_en},
                              {"address", &t.address}}) {
      auto value = string_at(*o, key, path);
      if (!value) return tl::unexpected(value.error());
      *field = std::move(*value);
    }
    out.push_back(std::move(t));
  }
  return out;
}

tl::expected<ProcessTemplate, std::string> parse_process_template(std::string_view text) {
  auto root = object_of(text);
  if (!root) return tl::unexpected(root.error());
  if (auto bad = unknown_key(*root, {"_about", "levels", "remainder_step", "process"}, "")) {
    return tl::unexpected(*bad);
  }
  ProcessTemplate t;
  const auto* levels = root->if_contains("levels");
  if (levels == nullptr || !levels->is_object() || levels->as_object().empty()) {
    return tl::unexpected(std::string("levels: missing or not a non-empty object"));
  }
  for (const auto& [level, kind] : levels->as_object()) {
    if (!kind.is_string()) return tl::unexpected("levels." + std::string(level) + ": not a string");
    t.levels[std::string(level)] = std::string(kind.as_string());
  }
  auto remainder = string_at(*root, "remainder_step", "");
  if (!remainder) return tl::unexpected(remainder.error());
  t.remainder_step = std::move(*remainder);
  const auto* process = root->if_contains("process");
  if (process == nullptr) return tl::unexpected(std::string("process: missing"));
  auto definition = process_from_json(*process);
  if (!definition) return tl::unexpected("process." + definition.error());
  t.process = std::move(*definition);
  bool found = false;
  for (const auto& step : t.process.steps) found = found || step.id == t.remainder_step;
  if (!found) return tl::unexpected("remainder_step: no step " + t.remainder_step);
  return t;
}

}  // namespace motcua::codec
