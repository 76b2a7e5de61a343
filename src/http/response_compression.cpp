#include "http/response_compression.hpp"

#include "http/gzip.hpp"
#include "http/negotiation.hpp"

namespace motcua::http {

namespace {

constexpr std::string_view kSessionRoute = "/api/v1/session";

bool textual(std::string_view content_type) {
  return content_type.starts_with("application/json") ||
         content_type.starts_with("application/problem+json") ||
         content_type.starts_with("image/svg+xml") || content_type.starts_with("text/");
}

bool worth_compressing(const HttpRequest& request, const HttpResponse& response) {
  return response.status >= 200 && response.status < 300 &&
         response.body.size() >= kCompressMinBytes && !response.has_header("Content-Encoding") &&
         !response.has_header("Set-Cookie") && request.path != kSessionRoute &&
         textual(response.header("Content-Type"));
}

}  // namespace

void compress_response(const HttpRequest& request, HttpResponse& response) {
  if (!worth_compressing(request, response)) return;
  // The answer depends on Accept-Encoding whether or not this client gets gzip: caches must know.
  if (!response.has_header("Vary")) response.set_header("Vary", "Accept-Encoding");
  if (!accepts_encoding(request.header("Accept-Encoding"), "gzip")) return;
  response.body = gzip_compress(response.body, 6);
  response.set_header("Content-Encoding", "gzip");
}

}  // namespace motcua::http
