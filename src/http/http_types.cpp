#include "http/http_types.hpp"

#include <array>
#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>
#include <stdexcept>

namespace motcua::http {
namespace {

constexpr std::array<std::pair<Method, std::string_view>, 7> kMethodNames = {{
    {Method::get, "GET"},
    {Method::post, "POST"},
    {Method::put, "PUT"},
    {Method::patch, "PATCH"},
    {Method::del, "DELETE"},
    {Method::head, "HEAD"},
    {Method::options, "OPTIONS"},
}};

char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

// RFC 9110 5.6.2 tchar.
bool is_token_char(char c) {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
  switch (c) {
    case '!':
    case '#':
    case '$':
    case '%':
    case '&':
    case '\'':
    case '*':
    case '+':
    case '-':
    case '.':
    case '^':
    case '_':
    case '`':
    case '|':
    case '~':
      return true;
    default:
      return false;
  }
}

bool is_token(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!is_token_char(c)) return false;
  }
  return true;
}

// RFC 6265 4.1.1 cookie-octet: visible ASCII except DQUOTE, comma, semicolon and backslash.
bool is_cookie_value(std::string_view s) {
  for (char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x21 || u > 0x7e || c == '"' || c == ',' || c == ';' || c == '\\') return false;
  }
  return true;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

std::string_view find_header(const HeaderList& headers, std::string_view name, bool& found) {
  for (const auto& [key, value] : headers) {
    if (iequals(key, name)) {
      found = true;
      return value;
    }
  }
  found = false;
  return {};
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

std::string_view to_string(Method method) {
  for (const auto& [m, name] : kMethodNames) {
    if (m == method) return name;
  }
  return "GET";
}

std::optional<Method> parse_method(std::string_view name) {
  for (const auto& [m, wire] : kMethodNames) {
    if (wire == name) return m;
  }
  return std::nullopt;
}

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (lower(a[i]) != lower(b[i])) return false;
  }
  return true;
}

std::string_view HttpRequest::header(std::string_view name) const {
  bool found = false;
  return find_header(headers, name, found);
}

bool HttpRequest::has_header(std::string_view name) const {
  bool found = false;
  find_header(headers, name, found);
  return found;
}

std::optional<std::string> HttpRequest::cookie(std::string_view name) const {
  for (const auto& [key, value] : headers) {
    if (!iequals(key, "Cookie")) continue;
    std::string_view rest = value;
    while (!rest.empty()) {
      const auto semicolon = rest.find(';');
      const std::string_view pair = trim(rest.substr(0, semicolon));
      rest = semicolon == std::string_view::npos ? std::string_view{} : rest.substr(semicolon + 1);
      const auto eq = pair.find('=');
      if (eq == std::string_view::npos || trim(pair.substr(0, eq)) != name) continue;
      std::string_view v = trim(pair.substr(eq + 1));
      if (v.size() >= 2 && v.front() == '"' && v.back() == '"') v = v.substr(1, v.size() - 2);
      return std::string(v);
    }
  }
  return std::nullopt;
}

std::optional<std::string_view> HttpRequest::query_value(std::string_view key) const {
  const auto it = query.find(std::string(key));
  if (it == query.end()) return std::nullopt;
  return std::string_view(it->second);
}

std::string SetCookie::to_string() const {
  if (!is_token(name)) throw std::invalid_argument("cookie name is not a token: " + name);
  if (!is_cookie_value(value)) throw std::invalid_argument("cookie value has forbidden characters");
  for (char c : path) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u == 0x7f || c == ';') {
      throw std::invalid_argument("cookie path has forbidden characters");
    }
  }
  std::string out = name + "=" + value;
  if (!path.empty()) out += "; Path=" + path;
  if (max_age) out += "; Max-Age=" + std::to_string(max_age->count());
  if (http_only) out += "; HttpOnly";
  // Browsers reject SameSite=None without Secure, so None forces it.
  if (secure || same_site == SameSite::none) out += "; Secure";
  switch (same_site) {
    case SameSite::strict:
      out += "; SameSite=Strict";
      break;
    case SameSite::lax:
      out += "; SameSite=Lax";
      break;
    case SameSite::none:
      out += "; SameSite=None";
      break;
  }
  return out;
}

HttpResponse HttpResponse::json(int status, const boost::json::value& value) {
  HttpResponse res;
  res.status = status;
  res.headers.emplace_back("Content-Type", "application/json");
  res.body = boost::json::serialize(value);
  return res;
}

HttpResponse HttpResponse::text(int status, std::string body, std::string_view content_type) {
  HttpResponse res;
  res.status = status;
  res.headers.emplace_back("Content-Type", std::string(content_type));
  res.body = std::move(body);
  return res;
}

HttpResponse HttpResponse::empty(int status) {
  HttpResponse res;
  res.status = status;
  return res;
}

HttpResponse& HttpResponse::set_header(std::string_view name, std::string_view value) {
  std::erase_if(headers, [&](const auto& h) { return iequals(h.first, name); });
  headers.emplace_back(std::string(name), std::string(value));
  return *this;
}

HttpResponse& HttpResponse::add_header(std::string_view name, std::string_view value) {
  headers.emplace_back(std::string(name), std::string(value));
  return *this;
}

HttpResponse& HttpResponse::set_cookie(const SetCookie& cookie) {
  return add_header("Set-Cookie", cookie.to_string());
}

std::string_view HttpResponse::header(std::string_view name) const {
  bool found = false;
  return find_header(headers, name, found);
}

bool HttpResponse::has_header(std::string_view name) const {
  bool found = false;
  find_header(headers, name, found);
  return found;
}

bool valid_header(std::string_view name, std::string_view value) {
  if (!is_token(name)) return false;
  for (char c : value) {
    if (c == '\r' || c == '\n' || c == '\0') return false;
  }
  return true;
}

std::optional<std::string> percent_decode(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '%') {
      out.push_back(text[i]);
      continue;
    }
    if (i + 2 >= text.size()) return std::nullopt;
    const int hi = hex_value(text[i + 1]);
    const int lo = hex_value(text[i + 2]);
    if (hi < 0 || lo < 0) return std::nullopt;
    const auto c = static_cast<char>(hi * 16 + lo);
    if (c == '\0') return std::nullopt;
    out.push_back(c);
    i += 2;
  }
  return out;
}

}  // namespace motcua::http
