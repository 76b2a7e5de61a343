#include "store/sql.hpp"

namespace motcua::store {

std::int64_t SqlRow::integer(std::size_t i) const {
  const auto& v = values.at(i);
  if (const auto* n = std::get_if<std::int64_t>(&v)) return *n;
  if (const auto* d = std::get_if<double>(&v)) return static_cast<std::int64_t>(*d);
  if (const auto* s = std::get_if<std::string>(&v)) return std::stoll(*s);
  if (std::holds_alternative<Bytes>(v)) {
    throw StoreError("column " + std::to_string(i) + " is binary, expected an integer");
  }
  throw StoreError("column " + std::to_string(i) + " is null, expected an integer");
}

std::string SqlRow::text(std::size_t i) const {
  const auto& v = values.at(i);
  if (const auto* s = std::get_if<std::string>(&v)) return *s;
  if (const auto* n = std::get_if<std::int64_t>(&v)) return std::to_string(*n);
  if (const auto* d = std::get_if<double>(&v)) return std::to_string(*d);
  if (std::holds_alternative<Bytes>(v)) {
    throw StoreError("column " + std::to_string(i) + " is binary, expected a text");
  }
  return {};
}

std::string SqlRow::bytes(std::size_t i) const {
  const auto& v = values.at(i);
  if (const auto* b = std::get_if<Bytes>(&v)) return b->data;
  if (std::holds_alternative<std::nullptr_t>(v)) return {};
  throw StoreError("column " + std::to_string(i) + " is not binary");
}

std::optional<std::int64_t> SqlRow::optional_integer(std::size_t i) const {
  if (is_null(i)) return std::nullopt;
  return integer(i);
}

std::optional<std::string> SqlRow::optional_text(std::size_t i) const {
  if (is_null(i)) return std::nullopt;
  return text(i);
}

}  // namespace motcua::store
