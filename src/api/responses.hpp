// Turning use-case results into HTTP responses in one place: AppError -> RFC 9457 problem, and the
// problems the API layer itself raises (malformed JSON, missing session, CSRF).
#pragma once

#include <boost/json/value.hpp>

#include "app/common/app_error.hpp"
#include "http/http_types.hpp"

namespace motcua::api {

// The one place where a kind of refusal becomes an HTTP status.
int http_status(app::ErrorKind kind);
http::HttpResponse problem_of(const app::AppError& e, const http::HttpRequest& request);
http::HttpResponse malformed_json(const std::string& detail);
http::HttpResponse unauthenticated();
http::HttpResponse csrf_failed();

// Parses the request body as JSON (an empty body is null).
tl::expected<boost::json::value, http::HttpResponse> parse_body(const http::HttpRequest& request);

template <typename T>
http::HttpResponse render(const app::AppResult<T>& result, const http::HttpRequest& request,
                          int success_status = 200) {
  if (!result) return problem_of(result.error(), request);
  return http::HttpResponse::json(success_status, boost::json::value(*result));
}

}  // namespace motcua::api
