#include "api/public_links.hpp"

#include <algorithm>
#include <cctype>

namespace motcua::api {

// Where the public tracking page lives: `serve --public-url` (or MOTCUA_PUBLIC_URL) when the
// server sits behind a proxy; otherwise the Host the browser used, kept only if it looks like a
// host name so a crafted header cannot put arbitrary text in the code.
std::string public_origin(const ApiContext& ctx, const http::HttpRequest& r) {
  if (!ctx.settings.public_url.empty()) {
    std::string origin = ctx.settings.public_url;
    while (!origin.empty() && origin.back() == '/') origin.pop_back();
    return origin;
  }
  const std::string host(r.header("Host"));
  const bool plain =
      !host.empty() && host.size() <= 255 && std::all_of(host.begin(), host.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '.' || c == '-' ||
               c == ':' || c == '[' || c == ']';
      });
  return "http://" + (plain ? host : std::string("localhost"));
}

// Dossier codes are letters, digits, dots and dashes; anything else needs no encoding here.
std::string url_encode(const std::string& text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (const unsigned char c : text) {
    if (std::isalnum(c) != 0 || c == '.' || c == '-' || c == '_' || c == '~') {
      out.push_back(static_cast<char>(c));
    } else {
      out.push_back('%');
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 15]);
    }
  }
  return out;
}

std::string tracking_url(const ApiContext& ctx, const http::HttpRequest& r, const std::string& code,
                         const std::string& secret) {
  return public_origin(ctx, r) + "/track?code=" + url_encode(code) +
         "&secret=" + url_encode(secret);
}

}  // namespace motcua::api
