// The request log: one JSON object per line, written through spdlog so the application decides
// where it goes (stderr by default). Only what an operator needs to follow a request is logged:
// never bodies, cookies, other headers or the query string, which may carry personal data (a
// citizen's identity number in a search, a token in a link).
#pragma once

#include <chrono>
#include <memory>
#include <string>
#include <string_view>

namespace spdlog {
class logger;
}

namespace motcua::http {

struct AccessRecord {
  std::chrono::system_clock::time_point time;  // when the response was written
  std::string_view request_id;
  std::string_view method;  // as sent; empty when the request line could not be read
  std::string_view path;    // percent-encoded, without the query
  std::string_view route;   // the route pattern or a placeholder such as "(unmatched)"
  int status = 0;
  std::size_t bytes = 0;  // body bytes sent
  double duration_ms = 0;
  std::string_view remote;
};

// {"time":"2026-03-12T02:00:00.123Z","level":"info","msg":"request","request_id":"...",
//  "method":"GET","path":"/healthz","route":"/healthz","status":200,"bytes":15,
//  "duration_ms":0.21,"remote":"127.0.0.1"}
std::string access_log_line(const AccessRecord& record);

// {"time":...,"level":"error","msg":<message>,"request_id":...,"error":<error>}
std::string error_log_line(std::string_view message, std::string_view request_id,
                           std::string_view error);

// RFC 3339 UTC with milliseconds: "2026-03-12T02:00:00.123Z".
std::string format_utc_millis(std::chrono::system_clock::time_point time);

// A logger writing each message as is (no prefix: the line is already JSON) to stderr.
std::shared_ptr<spdlog::logger> make_stderr_json_logger(std::string name = "motcua.http");

}  // namespace motcua::http
