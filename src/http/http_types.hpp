// The plain request and response values that handlers see. Nothing here depends on Beast or Asio:
// the server converts its wire types into these at the edge, so handler code and its tests compile
// without the heavy networking headers.
#pragma once

#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace boost::json {
class value;
}

namespace motcua::http {

// The methods the server understands. Anything else is answered 501 before routing.
enum class Method { get, post, put, patch, del, head, options };

// "GET", "POST", ... (upper case, as on the wire).
std::string_view to_string(Method method);
// Exact, case-sensitive match on the wire name (methods are case-sensitive, RFC 9110 9.1).
std::optional<Method> parse_method(std::string_view name);

// Case-insensitive comparison of ASCII header names.
bool iequals(std::string_view a, std::string_view b);

using HeaderList = std::vector<std::pair<std::string, std::string>>;

struct HttpRequest {
  Method method = Method::get;
  std::string target;  // as received: "/api/v1/dossiers?page=2"
  std::string path;    // the target's path, still percent-encoded: "/api/v1/dossiers"
  std::multimap<std::string, std::string> query;  // decoded; '+' reads as a space
  HeaderList headers;                             // in arrival order, names as sent
  std::string body;
  std::string remote_address;  // peer IP of the TCP connection
  // The real client: remote_address, or what a trusted proxy says (http/client_address.hpp).
  // Throttles, rate limits and audit rows key on this one.
  std::string client_address;
  // Reached over TLS: a trusted proxy said X-Forwarded-Proto: https (HSTS is sent then).
  bool secure_transport = false;
  std::map<std::string, std::string> path_params;  // decoded values of "{name}" segments
  std::string request_id;                          // echoed X-Request-Id or a generated one

  // The client's address to key throttles and audit rows on (the peer when none was resolved).
  const std::string& client() const {
    return client_address.empty() ? remote_address : client_address;
  }
  // First header with this name (case-insensitive), or an empty view when absent.
  std::string_view header(std::string_view name) const;
  bool has_header(std::string_view name) const;
  // Value of the cookie `name` from the Cookie header(s), surrounding quotes removed.
  std::optional<std::string> cookie(std::string_view name) const;
  // First query value for `key`, if any.
  std::optional<std::string_view> query_value(std::string_view key) const;
};

enum class SameSite { strict, lax, none };

// A Set-Cookie header value. The defaults suit a session cookie: not readable from scripts, sent
// only over HTTPS (browsers treat http://localhost as secure too), never on cross-site requests.
struct SetCookie {
  std::string name{};
  std::string value{};
  std::string path = "/";
  std::optional<std::chrono::seconds> max_age{};  // none: a session cookie; 0: delete now
  bool http_only = true;
  bool secure = true;
  SameSite same_site = SameSite::strict;

  // "name=value; Path=/; Max-Age=3600; HttpOnly; Secure; SameSite=Strict". Throws
  // std::invalid_argument when the name is not an RFC 6265 token or the value or path holds
  // characters a cookie may not carry (a programming error, never user input).
  std::string to_string() const;
};

struct HttpResponse {
  int status = 200;
  HeaderList headers;  // several entries with one name are sent as several fields (Set-Cookie)
  std::string body;

  // Body serialised from `value` with Content-Type application/json.
  static HttpResponse json(int status, const boost::json::value& value);
  static HttpResponse text(int status, std::string body,
                           std::string_view content_type = "text/plain; charset=utf-8");
  // No body at all (204, 304, or a bare status).
  static HttpResponse empty(int status);

  // Replaces every header with this name (case-insensitive) by one field.
  HttpResponse& set_header(std::string_view name, std::string_view value);
  // Appends a field, keeping existing ones with the same name.
  HttpResponse& add_header(std::string_view name, std::string_view value);
  // Adds a Set-Cookie field.
  HttpResponse& set_cookie(const SetCookie& cookie);
  // First header with this name, or an empty view.
  std::string_view header(std::string_view name) const;
  bool has_header(std::string_view name) const;
};

// True when `name` is an RFC 9110 token and `value` holds no CR, LF or NUL: what a handler may put
// in a header without opening the response to header injection.
bool valid_header(std::string_view name, std::string_view value);

// Decodes %XX escapes (not '+'). Nullopt for a malformed escape or an encoded NUL.
std::optional<std::string> percent_decode(std::string_view text);

}  // namespace motcua::http
