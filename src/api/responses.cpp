#include "api/responses.hpp"

#include <boost/json.hpp>

#include "http/problem.hpp"

namespace motcua::api {

int open311_status(app::ErrorKind kind) {
  return kind == app::ErrorKind::invalid_input || kind == app::ErrorKind::rule_violation
             ? 400
             : http_status(kind);
}

int http_status(app::ErrorKind kind) {
  switch (kind) {
    case app::ErrorKind::invalid_input:
    case app::ErrorKind::rule_violation:
      return 422;
    case app::ErrorKind::unauthenticated:
      return 401;
    case app::ErrorKind::forbidden:
      return 403;
    case app::ErrorKind::not_found:
      return 404;
    case app::ErrorKind::conflict:
      return 409;
    case app::ErrorKind::unsupported_media_type:
      return 415;
    case app::ErrorKind::rate_limited:
      return 429;
  }
  return 500;
}

http::HttpResponse problem_of(const app::AppError& e, const http::HttpRequest& request) {
  return http::to_response(http::Problem{http_status(e.kind), e.code, e.message_vi, e.message_en,
                                         e.detail, request.path});
}

http::HttpResponse malformed_json(const std::string& detail) {
  return http::problem(400, "malformed_json", "Nội dung gửi lên không phải JSON hợp lệ.",
                       "The request body is not valid JSON.", detail);
}

http::HttpResponse unauthenticated() {
  return http::problem(401, "unauthenticated", "Vui lòng đăng nhập.", "Please log in.");
}

http::HttpResponse store_unavailable() {
  auto r = http::problem(503, "database_unavailable",
                         "Hệ thống tạm thời không kết nối được cơ sở dữ liệu; vui lòng thử lại sau "
                         "ít giây.",
                         "The database cannot be reached right now; try again in a few seconds.");
  r.set_header("Retry-After", "2");
  return r;
}

http::HttpResponse renderer_busy() {
  auto r = http::problem(503, "renderer_busy",
                         "Hệ thống đang bận tạo văn bản; vui lòng thử lại sau ít giây.",
                         "Every document renderer is busy; try again in a few seconds.");
  r.set_header("Retry-After", "2");
  return r;
}

http::HttpResponse pdf_document(std::string bytes, const std::string& file_name) {
  auto r = http::HttpResponse::text(200, std::move(bytes), "application/pdf");
  r.set_header("Content-Disposition", "inline; filename=\"" + file_name + "\"");
  r.set_header("Cache-Control", "private, no-store");
  return r;
}

http::HttpResponse csrf_failed() {
  return http::problem(403, "csrf_failed",
                       "Yêu cầu thiếu hoặc sai mã chống giả mạo (X-CSRF-Token).",
                       "The request lacks a valid anti-forgery token (X-CSRF-Token).");
}

http::HttpResponse password_change_required() {
  return http::problem(403, "password_change_required",
                       "Bạn cần đổi mật khẩu (do quản trị viên đặt lại) trước khi tiếp tục.",
                       "You must change your password (reset by an administrator) before going on.",
                       "POST /api/v1/session/password");
}

http::HttpResponse second_factor_enrolment_required() {
  return http::problem(403, "second_factor_enrolment_required",
                       "Vai trò của Bạn yêu cầu xác thực hai lớp; hãy đăng ký trước khi tiếp tục.",
                       "Your role requires a second factor; enrol one before going on.",
                       "POST /api/v1/me/second-factor");
}

tl::expected<boost::json::value, http::HttpResponse> parse_body(const http::HttpRequest& request) {
  if (request.body.empty()) return boost::json::value(nullptr);
  boost::system::error_code ec;
  auto value = boost::json::parse(request.body, ec);
  if (ec) return tl::unexpected(malformed_json(ec.message()));
  return value;
}

}  // namespace motcua::api
