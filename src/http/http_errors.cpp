#include "http/http_errors.hpp"

#include <string>

#include "http/problem.hpp"

namespace motcua::http::errors {
namespace {

HttpResponse make(int status, std::string_view code, std::string_view vi, std::string_view en,
                  std::string_view instance, std::string detail = {}) {
  return to_response(Problem{status, std::string(code), std::string(vi), std::string(en),
                             std::move(detail), std::string(instance)});
}

}  // namespace

HttpResponse bad_request(std::string_view instance) {
  return make(400, "bad_request", "Yêu cầu HTTP không hợp lệ.", "The HTTP request is malformed.",
              instance);
}

HttpResponse invalid_path(std::string_view instance) {
  return make(400, "invalid_path", "Đường dẫn yêu cầu không hợp lệ.",
              "The request path is invalid.", instance);
}

HttpResponse not_found(std::string_view instance) {
  return make(404, "not_found", "Không tìm thấy tài nguyên được yêu cầu.",
              "The requested resource was not found.", instance);
}

HttpResponse method_not_allowed(std::string_view instance, std::span<const Method> allowed) {
  auto res = make(405, "method_not_allowed",
                  "Phương thức HTTP này không được phép với tài nguyên được yêu cầu.",
                  "The HTTP method is not allowed for the requested resource.", instance);
  res.set_header("Allow", allow_header(allowed));
  return res;
}

HttpResponse request_timeout() {
  return make(408, "request_timeout", "Hết thời gian chờ nhận yêu cầu.",
              "The server timed out waiting for the request.", {});
}

HttpResponse body_too_large(std::string_view instance, std::size_t limit) {
  const std::string n = std::to_string(limit);
  return make(413, "body_too_large", "Nội dung yêu cầu vượt quá kích thước cho phép.",
              "The request body exceeds the allowed size.", instance,
              "Giới hạn là " + n + " byte. / The limit is " + n + " bytes.");
}

HttpResponse too_many_requests(std::string_view instance, std::string_view limit,
                               std::int64_t retry_after_s) {
  const std::string wait = std::to_string(retry_after_s);
  auto res = make(429, "too_many_requests",
                  "Quá nhiều yêu cầu trong thời gian ngắn; vui lòng thử lại sau " + wait + " giây.",
                  "Too many requests in a short time; try again in " + wait + " seconds.", instance,
                  "Giới hạn: " + std::string(limit) + ". / Limit: " + std::string(limit) + ".");
  res.set_header("Retry-After", wait);
  return res;
}

HttpResponse headers_too_large() {
  return make(431, "headers_too_large", "Phần tiêu đề (header) của yêu cầu quá lớn.",
              "The request header fields are too large.", {});
}

HttpResponse internal_error(std::string_view instance) {
  return make(500, "internal_error", "Đã xảy ra lỗi nội bộ. Vui lòng thử lại sau.",
              "An internal error occurred. Please try again later.", instance);
}

HttpResponse method_not_implemented(std::string_view instance) {
  return make(501, "method_not_implemented", "Máy chủ không hỗ trợ phương thức HTTP này.",
              "The server does not support this HTTP method.", instance);
}

HttpResponse http_version_not_supported() {
  return make(505, "http_version_not_supported", "Máy chủ chỉ hỗ trợ HTTP/1.0 và HTTP/1.1.",
              "The server supports HTTP/1.0 and HTTP/1.1 only.", {});
}

std::string allow_header(std::span<const Method> allowed) {
  std::string out;
  for (Method m : allowed) {
    if (!out.empty()) out += ", ";
    out += to_string(m);
  }
  return out;
}

}  // namespace motcua::http::errors
