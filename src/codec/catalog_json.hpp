// Reading catalog records' JSON fields leniently: a missing or null field is empty, a number is
// written out, any other wrong type is a field_type warning and empty. Internal to the catalog
// importers (src/codec/catalog_*.cpp).
#pragma once

#include <boost/json.hpp>
#include <string>
#include <string_view>

#include "domain/catalog/import_warning.hpp"
#include "domain/text/fold.hpp"

namespace motcua::codec::catalog_json {

// The field `key`, matched exactly or else by folded name, so the Ministry of Defence's
// "mã_thủ_tục" is found as "ma_thu_tuc" whatever its Unicode form. nullptr when absent.
const boost::json::value* find(const boost::json::object& o, std::string_view key);

// The field as cleaned text (text::clean_text).
std::string text(const boost::json::object& o, std::string_view key, const std::string& path,
                 catalog::Warnings& warnings, text::CleanOptions options = {});
// The same, with the portal's "no information" markers ("Không có thông tin") read as empty.
std::string info(const boost::json::object& o, std::string_view key, const std::string& path,
                 catalog::Warnings& warnings, text::CleanOptions options = {});

// The field as an array or object; nullptr when absent or null, and a warning when of another type.
const boost::json::array* array(const boost::json::object& o, std::string_view key,
                                const std::string& path, catalog::Warnings& warnings);
const boost::json::object* object(const boost::json::object& o, std::string_view key,
                                  const std::string& path, catalog::Warnings& warnings);

// "path[i]"
std::string at(const std::string& path, std::size_t i);

}  // namespace motcua::codec::catalog_json
