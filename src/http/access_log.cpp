#include "http/access_log.hpp"

#include <spdlog/logger.h>
#include <unistd.h>

#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>
#include <charconv>
#include <cstdio>
#include <ctime>

#include "domain/text/mask.hpp"
#include "http/buffered_log_sink.hpp"

namespace motcua::http {

std::string format_utc_millis(std::chrono::system_clock::time_point time) {
  const auto since_epoch = time.time_since_epoch();
  const auto secs = std::chrono::floor<std::chrono::seconds>(since_epoch);
  const auto millis = std::chrono::duration_cast<std::chrono::milliseconds>(since_epoch - secs);
  const std::time_t t = static_cast<std::time_t>(secs.count());
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[40];
  const auto n = std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S", &tm);
  std::string out(buf, n);
  char frac[8];
  std::snprintf(frac, sizeof frac, ".%03dZ", static_cast<int>(millis.count()));
  return out + frac;
}

namespace {

// Appends `text` as a JSON string: quotes, backslashes and control characters escaped, other
// bytes as they are (as boost::json's serializer does).
void append_json_string(std::string& out, std::string_view text) {
  static constexpr char kHex[] = "0123456789abcdef";
  out.push_back('"');
  for (const char c : text) {
    const auto u = static_cast<unsigned char>(c);
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (u < 0x20) {
          out += "\\u00";
          out.push_back(kHex[u >> 4]);
          out.push_back(kHex[u & 15]);
        } else {
          out.push_back(c);
        }
    }
  }
  out.push_back('"');
}

template <typename Number>
void append_number(std::string& out, Number n) {
  char buf[32];
  const auto end = std::to_chars(buf, buf + sizeof buf, n).ptr;
  out.append(buf, end);
}

}  // namespace

// Written by hand rather than through a boost::json object: one line per request, and building
// and serialising the object was most of the line's cost (docs/performance.md).
std::string access_log_line(const AccessRecord& r) {
  std::string line;
  line.reserve(256 + r.path.size() + r.route.size());
  line += "{\"time\":";
  append_json_string(line, format_utc_millis(r.time));
  line += ",\"level\":\"info\",\"msg\":\"request\",\"request_id\":";
  append_json_string(line, r.request_id);
  line += ",\"method\":";
  append_json_string(line, r.method);
  line += ",\"path\":";
  // An ID or phone number in a path (a lookup, a user id) is masked: logs are kept and shipped
  // further than the database and must not become a second copy of personal data.
  append_json_string(line, text::mask_identifiers_in(r.path));
  line += ",\"route\":";
  append_json_string(line, r.route);
  line += ",\"status\":";
  append_number(line, r.status);
  line += ",\"bytes\":";
  append_number(line, r.bytes);
  // Microsecond resolution is plenty and keeps the line short.
  line += ",\"duration_ms\":";
  char buf[32];
  const auto end =
      std::to_chars(buf, buf + sizeof buf, r.duration_ms, std::chars_format::fixed, 3).ptr;
  line.append(buf, end);
  line += ",\"remote\":";
  append_json_string(line, r.remote);
  line.push_back('}');
  return line;
}

std::string error_log_line(std::string_view message, std::string_view request_id,
                           std::string_view error) {
  boost::json::object line;
  line["time"] = format_utc_millis(std::chrono::system_clock::now());
  line["level"] = "error";
  line["msg"] = message;
  if (!request_id.empty()) line["request_id"] = request_id;
  line["error"] = error;
  return boost::json::serialize(line);
}

std::shared_ptr<spdlog::logger> make_stderr_json_logger(std::string name) {
  // Gathered and written about every 100 ms rather than one write per line
  // (http/buffered_log_sink.hpp); errors are written at once.
  auto sink = std::make_shared<BufferedFdSink>(STDERR_FILENO, std::chrono::milliseconds(100),
                                               std::size_t{16} * 1024);
  auto logger = std::make_shared<spdlog::logger>(std::move(name), std::move(sink));
  logger->set_pattern("%v");
  return logger;
}

}  // namespace motcua::http
