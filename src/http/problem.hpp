// RFC 9457 problem details: the one shape of every error response.
//
//   HTTP/1.1 404 Not Found
//   Content-Type: application/problem+json
//
//   {"type":"https://motcua.local/problems/not_found","title":"The requested resource was not
//    found.","status":404,"detail":"...","instance":"/api/v1/dossiers/X",
//    "code":"not_found","message_vi":"Không tìm thấy ...","message_en":"The requested ..."}
//
// `type` is https://motcua.local/problems/<code>: an identifier, stable for a code, that names our
// own registry rather than "about:blank", because clients must be able to tell e.g. body_too_large
// from another 413. It is not promised to resolve (RFC 9457 3.1.1 allows that); the API
// documentation is the place to list the codes. `title` is the English message (fixed per code, as
// the RFC asks of a title); `detail`, present only when given, explains this occurrence; `instance`
// is the request path when known. The extension members carry the stable snake_case `code` that
// programs switch on and the message in Vietnamese (the language of the service) and English.
#pragma once

#include <string>
#include <string_view>

#include "http/http_types.hpp"

namespace motcua::http {

inline constexpr std::string_view kProblemTypeBase = "https://motcua.local/problems/";
inline constexpr std::string_view kProblemContentType = "application/problem+json";

struct Problem {
  int status = 500;
  std::string code;  // snake_case, stable: clients switch on it
  std::string message_vi;
  std::string message_en;
  std::string detail;    // optional, this occurrence only; never internal state
  std::string instance;  // optional, the request path
};

// The response for `problem`: status, Content-Type application/problem+json and the JSON body.
HttpResponse to_response(const Problem& problem);

HttpResponse problem(int status, std::string_view code, std::string_view message_vi,
                     std::string_view message_en, std::string_view detail = {});

}  // namespace motcua::http
