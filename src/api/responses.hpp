// Turning use-case results into HTTP responses in one place: AppError -> RFC 9457 problem, and the
// problems the API layer itself raises (malformed JSON, missing session, CSRF).
#pragma once

#include <boost/json/value.hpp>
#include <boost/json/value_from.hpp>
#include <optional>
#include <type_traits>

#include "api/api_context.hpp"
#include "app/common/app_error.hpp"
#include "http/http_types.hpp"
#include "store/sql.hpp"

namespace motcua::api {

// The one place where a kind of refusal becomes an HTTP status.
int http_status(app::ErrorKind kind);
// Open311 GeoReport v2 answers a missing or wrong field with 400, not 422.
int open311_status(app::ErrorKind kind);
http::HttpResponse problem_of(const app::AppError& e, const http::HttpRequest& request);
http::HttpResponse malformed_json(const std::string& detail);
http::HttpResponse unauthenticated();
http::HttpResponse csrf_failed();
// 403: the user's password was reset and must be changed before anything else.
http::HttpResponse password_change_required();
// 403: a role of the user requires a second factor they have not enrolled yet.
http::HttpResponse second_factor_enrolment_required();
// 503 with Retry-After: the database cannot be reached now (store::StoreUnavailable).
http::HttpResponse store_unavailable();

// 503 with Retry-After: every document renderer is busy and its queue is full.
http::HttpResponse renderer_busy();
// 200 with a PDF document, not cached by shared caches (it carries personal data), named for a
// download.
http::HttpResponse pdf_document(std::string bytes, const std::string& file_name);

// Parses the request body as JSON (an empty body is null).
tl::expected<boost::json::value, http::HttpResponse> parse_body(const http::HttpRequest& request);

// A use case's answer as JSON: a view type is encoded by its `tag_invoke(value_from_tag, ...)`
// overload (src/api/views/), found by argument-dependent lookup.
template <typename T>
http::HttpResponse render(const app::AppResult<T>& result, const http::HttpRequest& request,
                          int success_status = 200) {
  if (!result) return problem_of(result.error(), request);
  return http::HttpResponse::json(success_status, boost::json::value_from(*result));
}

// The read handlers' one shape: run `use_case(db)` (an AppResult) on a reader connection and
// render its answer.
template <typename UseCase>
http::HttpResponse read_and_render(ApiContext& ctx, const http::HttpRequest& request,
                                   UseCase&& use_case, int success_status = 200) {
  using Result = std::invoke_result_t<UseCase&, store::SqlConnection&>;
  std::optional<Result> result;
  try {
    ctx.store.read([&](store::SqlConnection& db) { result.emplace(use_case(db)); });
  } catch (const store::StoreUnavailable&) {
    return store_unavailable();
  }
  return render(*result, request, success_status);
}

}  // namespace motcua::api
