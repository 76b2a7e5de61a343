// The errors the HTTP layer produces by itself, in one place, each as an RFC 9457 problem with a
// stable code and a message in Vietnamese and English. Handlers report their own errors with
// problem() (problem.hpp); these are for what happens before or around them.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

#include "http/http_types.hpp"

namespace motcua::http::errors {

// 400 bad_request: the bytes are not an HTTP/1.1 request we can read.
HttpResponse bad_request(std::string_view instance = {});
// 400 invalid_path: a path with traversal, an encoded NUL or a malformed escape.
HttpResponse invalid_path(std::string_view instance);
// 404 not_found.
HttpResponse not_found(std::string_view instance);
// 405 method_not_allowed, with the Allow header listing `allowed`.
HttpResponse method_not_allowed(std::string_view instance, std::span<const Method> allowed);
// 408 request_timeout: the request did not arrive within the read timeout.
HttpResponse request_timeout();
// 413 body_too_large; the detail states the limit in bytes.
HttpResponse body_too_large(std::string_view instance, std::size_t limit);
// 429 too_many_requests, with Retry-After: the route's rate limit `limit` ("tracking", ...)
// refused this client for `retry_after_s` more seconds.
HttpResponse too_many_requests(std::string_view instance, std::string_view limit,
                               std::int64_t retry_after_s);
// 431 headers_too_large.
HttpResponse headers_too_large();
// 500 internal_error: never carries the cause, which goes to the log only.
HttpResponse internal_error(std::string_view instance);
// 501 method_not_implemented: a method the server does not know at all (TRACE, CONNECT, ...).
HttpResponse method_not_implemented(std::string_view instance);

// 505 http_version_not_supported: anything but HTTP/1.0 and HTTP/1.1.
HttpResponse http_version_not_supported();

// "GET, HEAD, OPTIONS": the value of an Allow header.
std::string allow_header(std::span<const Method> allowed);

}  // namespace motcua::http::errors
