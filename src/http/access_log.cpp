#include "http/access_log.hpp"

#include <spdlog/logger.h>
#include <spdlog/sinks/stdout_sinks.h>

#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>
#include <cmath>
#include <cstdio>
#include <ctime>

#include "domain/text/mask.hpp"

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

std::string access_log_line(const AccessRecord& r) {
  boost::json::object line;
  line["time"] = format_utc_millis(r.time);
  line["level"] = "info";
  line["msg"] = "request";
  line["request_id"] = r.request_id;
  line["method"] = r.method;
  // An ID or phone number in a path (a lookup, a user id) is masked: logs are kept and shipped
  // further than the database and must not become a second copy of personal data.
  line["path"] = text::mask_identifiers_in(r.path);
  line["route"] = r.route;
  line["status"] = r.status;
  line["bytes"] = r.bytes;
  // Microsecond resolution is plenty and keeps the line short.
  line["duration_ms"] = std::round(r.duration_ms * 1000.0) / 1000.0;
  line["remote"] = r.remote;
  return boost::json::serialize(line);
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
  auto sink = std::make_shared<spdlog::sinks::stderr_sink_mt>();
  auto logger = std::make_shared<spdlog::logger>(std::move(name), std::move(sink));
  logger->set_pattern("%v");
  return logger;
}

}  // namespace motcua::http
