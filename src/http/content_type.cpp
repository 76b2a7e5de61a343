#include "http/content_type.hpp"

#include <array>
#include <string>
#include <utility>

#include "http/http_types.hpp"

namespace motcua::http {
namespace {

constexpr std::array<std::pair<std::string_view, std::string_view>, 28> kTypes = {{
    {"html", "text/html; charset=utf-8"},
    {"htm", "text/html; charset=utf-8"},
    {"js", "text/javascript; charset=utf-8"},
    {"mjs", "text/javascript; charset=utf-8"},
    {"css", "text/css; charset=utf-8"},
    {"json", "application/json"},
    {"map", "application/json"},
    {"webmanifest", "application/manifest+json"},
    {"txt", "text/plain; charset=utf-8"},
    {"csv", "text/csv; charset=utf-8"},
    {"xml", "application/xml"},
    {"svg", "image/svg+xml"},
    {"png", "image/png"},
    {"jpg", "image/jpeg"},
    {"jpeg", "image/jpeg"},
    {"gif", "image/gif"},
    {"webp", "image/webp"},
    {"avif", "image/avif"},
    {"ico", "image/vnd.microsoft.icon"},
    {"woff", "font/woff"},
    {"woff2", "font/woff2"},
    {"ttf", "font/ttf"},
    {"otf", "font/otf"},
    {"wasm", "application/wasm"},
    {"pdf", "application/pdf"},
    {"gz", "application/gzip"},
    {"zip", "application/zip"},
    {"mp4", "video/mp4"},
}};

}  // namespace

std::string_view content_type_for(std::string_view filename) {
  const auto dot = filename.rfind('.');
  if (dot == std::string_view::npos || dot + 1 == filename.size()) {
    return "application/octet-stream";
  }
  const std::string_view ext = filename.substr(dot + 1);
  for (const auto& [known, type] : kTypes) {
    if (iequals(known, ext)) return type;
  }
  return "application/octet-stream";
}

bool is_compressible(std::string_view content_type) {
  const std::string_view type = content_type.substr(0, content_type.find(';'));
  return type.starts_with("text/") || type == "application/json" ||
         type == "application/manifest+json" || type == "application/xml" ||
         type == "image/svg+xml" || type == "application/wasm" ||
         type == "image/vnd.microsoft.icon" || type == "font/ttf" || type == "font/otf";
}

}  // namespace motcua::http
