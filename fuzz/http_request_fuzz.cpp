// An HTTP request as it arrives on a connection (http/connection.cpp): Beast's parser reads the
// header and body, then the server's own steps run on what it read, in the same order: the
// headers copied, the request-target split into path and decoded query, the method read, and the
// path routed against every operation of the API (the patterns of docs/api/openapi.json).
#include <boost/beast/http.hpp>
#include <boost/json.hpp>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include "http/http_types.hpp"
#include "http/negotiation.hpp"
#include "http/request_target.hpp"
#include "http/router.hpp"
#include "http/static_path.hpp"
#include "support/fuzz_input.hpp"

using namespace motcua;
namespace bhttp = boost::beast::http;

namespace {

std::optional<http::Method> method_of(std::string_view name) {
  if (name == "get") return http::Method::get;
  if (name == "post") return http::Method::post;
  if (name == "put") return http::Method::put;
  if (name == "patch") return http::Method::patch;
  if (name == "delete") return http::Method::del;
  return std::nullopt;
}

// Every (method, path) of the OpenAPI document, as the real server registers them.
const http::Router& api_router() {
  static const http::Router router = [] {
    std::ifstream in(MOTCUA_SOURCE_DIR "/docs/api/openapi.json");
    std::stringstream text;
    text << in.rdbuf();
    const auto doc = boost::json::parse(text.str());
    http::Router r;
    for (const auto& [path, operations] : doc.at("paths").as_object()) {
      for (const auto& [name, operation] : operations.as_object()) {
        (void)operation;
        if (const auto method = method_of(name)) {
          r.add(*method, "/api/v1" + std::string(path),
                [](http::HttpRequest&) { return http::HttpResponse::empty(204); });
        }
      }
    }
    return r;
  }();
  return router;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto& router = api_router();
  bhttp::request_parser<bhttp::string_body> parser;
  parser.header_limit(16 * 1024);
  parser.body_limit(1024 * 1024);
  parser.eager(true);
  boost::system::error_code ec;
  parser.put(boost::asio::buffer(data, size), ec);
  if (ec || !parser.is_header_done()) return 0;

  const auto& header = parser.get();
  http::HttpRequest req;
  req.target = std::string(header.target());
  for (const auto& field : header) {
    req.headers.emplace_back(std::string(field.name_string()), std::string(field.value()));
  }
  auto target = http::parse_target(req.target);
  if (!target) return 0;
  req.path = std::move(target->path);
  req.query = std::move(target->query);
  (void)req.cookie("motcua_session");
  (void)req.query_value("page");
  (void)http::accepts_encoding(req.header("Accept-Encoding"), "gzip");
  (void)http::if_none_match_matches(req.header("If-None-Match"), "\"abc\"");
  (void)http::static_path(req.path);

  const auto method = http::parse_method(header.method_string());
  if (!method) return 0;
  req.method = *method;
  auto match = router.match(req.method, req.path);
  if (match.outcome == http::RouteMatch::Outcome::matched) {
    req.path_params = std::move(match.params);
    if (match.route->handler) (void)match.route->handler(req);
  }
  return 0;
}
