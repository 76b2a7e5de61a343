#include "http/router.hpp"

#include <algorithm>
#include <array>
#include <span>
#include <stdexcept>

#include "http/request_target.hpp"

namespace motcua::http {

// A trie over path segments: literal children by their decoded text, and at most one parameter
// child (parameter names belong to routes, so "/a/{id}" and "/a/{key}/b" share the node).
struct Router::Node {
  std::map<std::string, std::unique_ptr<Node>, std::less<>> literals;
  std::unique_ptr<Node> param;
  std::map<Method, const Route*> routes;
};

namespace {

bool is_identifier(std::string_view s) {
  if (s.empty()) return false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    const bool alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    if (!alpha && !(i > 0 && c >= '0' && c <= '9')) return false;
  }
  return true;
}

[[noreturn]] void bad_pattern(std::string_view pattern, std::string_view why) {
  throw std::invalid_argument("route pattern \"" + std::string(pattern) +
                              "\": " + std::string(why));
}

constexpr std::size_t kMethodCount = 7;

struct Candidate {
  const Router::Node* node;
  std::vector<std::string> params;
};

}  // namespace

Router::Router() : root_(std::make_unique<Node>()) {}
Router::~Router() = default;
Router::Router(Router&&) noexcept = default;
Router& Router::operator=(Router&&) noexcept = default;

void Router::add(Method method, std::string_view pattern, Handler handler, RouteOptions options) {
  if (!handler) bad_pattern(pattern, "handler is empty");
  auto route = std::make_unique<Route>();
  route->method = method;
  route->pattern = std::string(pattern);
  route->handler = std::move(handler);
  route->options = options;
  insert(std::move(route));
}

void Router::add_async(Method method, std::string_view pattern, AsyncHandler handler,
                       RouteOptions options) {
  if (!handler) bad_pattern(pattern, "handler is empty");
  auto route = std::make_unique<Route>();
  route->method = method;
  route->pattern = std::string(pattern);
  route->async_handler = std::move(handler);
  route->options = options;
  insert(std::move(route));
}

void Router::insert(std::unique_ptr<Route> route) {
  const std::string_view pattern = route->pattern;
  const Method method = route->method;
  if (pattern.empty() || pattern.front() != '/') bad_pattern(pattern, "must start with '/'");

  Node* node = root_.get();
  std::string_view rest = pattern.substr(1);
  for (;;) {
    const auto slash = rest.find('/');
    const std::string_view segment = rest.substr(0, slash);
    if (segment.find_first_of("{}") != std::string_view::npos) {
      if (segment.size() < 2 || segment.front() != '{' || segment.back() != '}') {
        bad_pattern(pattern, "a parameter must be a whole segment \"{name}\"");
      }
      const std::string_view name = segment.substr(1, segment.size() - 2);
      if (!is_identifier(name)) bad_pattern(pattern, "parameter name is not an identifier");
      if (std::find(route->param_names.begin(), route->param_names.end(), name) !=
          route->param_names.end()) {
        bad_pattern(pattern, "parameter name used twice");
      }
      route->param_names.emplace_back(name);
      if (!node->param) node->param = std::make_unique<Node>();
      node = node->param.get();
    } else {
      // Literals are compared with decoded request segments, so decode the pattern's too.
      auto decoded = percent_decode(segment);
      if (!decoded) bad_pattern(pattern, "malformed percent escape");
      auto it = node->literals.find(*decoded);
      if (it == node->literals.end()) {
        it = node->literals.emplace(std::move(*decoded), std::make_unique<Node>()).first;
      }
      node = it->second.get();
    }
    if (slash == std::string_view::npos) break;
    rest.remove_prefix(slash + 1);
  }

  if (node->routes.contains(method)) bad_pattern(pattern, "added twice for the same method");
  node->routes.emplace(method, route.get());
  routes_.push_back(std::move(route));
}

namespace {

// Depth-first, literal before parameter: the order of `out` is the order of preference.
void collect(const Router::Node& node, std::span<const std::string> segments, std::size_t i,
             std::vector<std::string>& params, std::vector<Candidate>& out) {
  if (i == segments.size()) {
    if (!node.routes.empty()) out.push_back({&node, params});
    return;
  }
  if (auto it = node.literals.find(segments[i]); it != node.literals.end()) {
    collect(*it->second, segments, i + 1, params, out);
  }
  if (node.param && !segments[i].empty()) {
    params.push_back(segments[i]);
    collect(*node.param, segments, i + 1, params, out);
    params.pop_back();
  }
}

const Route* find_route(const Router::Node& node, Method method) {
  if (auto it = node.routes.find(method); it != node.routes.end()) return it->second;
  if (method == Method::head) {
    if (auto it = node.routes.find(Method::get); it != node.routes.end()) return it->second;
  }
  return nullptr;
}

}  // namespace

RouteMatch Router::match(Method method, std::string_view path) const {
  RouteMatch result;
  const auto segments = decode_segments(path);
  if (!segments) {
    result.outcome = RouteMatch::Outcome::bad_path;
    return result;
  }

  std::vector<Candidate> candidates;
  std::vector<std::string> params;
  collect(*root_, *segments, 0, params, candidates);
  if (candidates.empty()) return result;  // not_found

  for (const auto& candidate : candidates) {
    if (const Route* route = find_route(*candidate.node, method)) {
      result.outcome = RouteMatch::Outcome::matched;
      result.route = route;
      result.pattern = route->pattern;
      for (std::size_t k = 0; k < route->param_names.size(); ++k) {
        result.params.emplace(route->param_names[k], candidate.params[k]);
      }
      return result;
    }
  }

  // Allow lists what some matching pattern would serve, in enum order.
  std::array<bool, kMethodCount> allowed{};
  for (const auto& candidate : candidates) {
    for (const auto& [m, route] : candidate.node->routes) {
      allowed[static_cast<std::size_t>(m)] = true;
      if (m == Method::get) allowed[static_cast<std::size_t>(Method::head)] = true;
    }
  }
  allowed[static_cast<std::size_t>(Method::options)] = true;
  for (std::size_t m = 0; m < kMethodCount; ++m) {
    if (allowed[m]) result.allowed.push_back(static_cast<Method>(m));
  }
  result.pattern = candidates.front().node->routes.begin()->second->pattern;
  result.outcome = method == Method::options ? RouteMatch::Outcome::options
                                             : RouteMatch::Outcome::method_not_allowed;
  return result;
}

std::vector<RouteInfo> Router::routes() const {
  std::vector<RouteInfo> out;
  out.reserve(routes_.size());
  for (const auto& route : routes_) out.push_back({route->method, route->pattern});
  return out;
}

}  // namespace motcua::http
