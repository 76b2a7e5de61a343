// Reading the request-target of an HTTP/1.1 request line (RFC 9112 3.2) into a path and a query.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace motcua::http {

struct RequestTarget {
  std::string path;                               // percent-encoded, as sent; never empty
  std::multimap<std::string, std::string> query;  // decoded keys and values
};

// Accepts origin-form ("/a/b?x=1") and absolute-form ("http://host/a/b?x=1"); nullopt for
// anything else or for characters RFC 3986 does not allow there.
std::optional<RequestTarget> parse_target(std::string_view target);

// "/a/b%2Fc/" -> {"a", "b/c", ""}: the path split on '/' and each segment decoded afterwards, so
// an encoded slash stays inside its segment. "/" -> {""}. Nullopt when the path does not start with
// '/', has a malformed escape or decodes to a NUL.
std::optional<std::vector<std::string>> decode_segments(std::string_view path);

}  // namespace motcua::http
