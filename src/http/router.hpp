// Our own small router: method + path pattern -> handler.
//
//   router.add(Method::post, "/api/v1/dossiers/{id}/accept", accept_dossier,
//              {.max_body_bytes = 64 * 1024});
//
// Patterns are absolute paths whose segments are literals or "{name}" parameters; a parameter
// matches one non-empty segment, percent-decoded (so "%2F" stays inside the value). When several
// patterns match a path, literal segments win over parameters, segment by segment from the left;
// the first of them that has the request's method serves it. A path that some pattern matches but
// none with the method gets 405 with Allow; a path no pattern matches gets 404. HEAD is served by
// the GET route (the server drops the body), and OPTIONS by an automatic 204 with Allow unless the
// pattern has its own OPTIONS route.
//
// Add every route before the server starts: match() is then safe from any number of threads,
// add() is not.
#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "http/http_types.hpp"

namespace motcua::http {

// Handlers run synchronously on an io thread; they should not block for long (a read on SQLite is
// fine, waiting for a durable commit is not). An exception becomes a 500 problem; its message is
// logged, never sent.
using Handler = std::function<HttpResponse(HttpRequest&)>;

// A handler that answers later: it starts its work (a write job handed to the store) and returns;
// `respond` is then called exactly once, from any thread, with a function that builds the answer.
// The connection runs that function on its own io thread, so encoding the answer never happens
// on the thread that called `respond` (the store's writer). The connection waits without holding
// its io thread, so many requests can share one commit. The request stays alive and untouched
// until `respond` is called. An exception thrown before the handler responded, or by the
// function, becomes a 500 problem.
using MakeResponse = std::function<HttpResponse()>;
using Respond = std::function<void(MakeResponse)>;
using AsyncHandler = std::function<void(HttpRequest&, Respond)>;

class RateLimiter;

struct RouteOptions {
  // Largest request body this route accepts; none: the server's default_body_limit.
  std::optional<std::size_t> max_body_bytes{};
  // Requests per client (http/rate_limiter.hpp), checked before the body is read; null: none.
  // Must outlive the router.
  RateLimiter* rate_limit = nullptr;
};

struct Route {
  Method method = Method::get;
  std::string pattern;
  std::vector<std::string> param_names;  // in the order the parameters appear
  Handler handler;                       // exactly one of the two is set
  AsyncHandler async_handler;
  RouteOptions options;
};

// A registered route as a (method, pattern) pair, e.g. to compare against an OpenAPI document.
struct RouteInfo {
  Method method = Method::get;
  std::string pattern;
  friend bool operator==(const RouteInfo&, const RouteInfo&) = default;
};

struct RouteMatch {
  enum class Outcome {
    matched,             // `route` serves the request
    options,             // OPTIONS without its own route: answer 204 with Allow
    method_not_allowed,  // 405: `allowed` lists what would be served
    not_found,           // 404: no pattern matches the path
    bad_path,            // 400: the path has a malformed escape or an encoded NUL
  };
  Outcome outcome = Outcome::not_found;
  const Route* route = nullptr;
  std::map<std::string, std::string> params;
  std::vector<Method> allowed;  // for 405 and OPTIONS, in enum order, HEAD with GET
  // The matched pattern (or the best one for 405), else empty: a label of bounded cardinality.
  std::string_view pattern;
};

class Router {
 public:
  Router();
  ~Router();
  Router(Router&&) noexcept;
  Router& operator=(Router&&) noexcept;

  // Throws std::invalid_argument for a malformed pattern (not starting with '/', an empty or
  // unclosed "{}", a parameter name that is not an identifier, a name used twice) or when the
  // same method and pattern are added twice.
  void add(Method method, std::string_view pattern, Handler handler, RouteOptions options = {});
  void add_async(Method method, std::string_view pattern, AsyncHandler handler,
                 RouteOptions options = {});

  RouteMatch match(Method method, std::string_view path) const;

  // Every route added, in the order of add().
  std::vector<RouteInfo> routes() const;

  struct Node;  // a trie node; opaque, defined in router.cpp

 private:
  void insert(std::unique_ptr<Route> route);

  std::unique_ptr<Node> root_;
  std::vector<std::unique_ptr<Route>> routes_;  // pointers stay valid as routes are added
};

}  // namespace motcua::http
