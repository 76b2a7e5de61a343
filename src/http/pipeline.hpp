// What happens to every request between the wire and the handler, with no networking in sight
// (the connection code in connection.cpp calls these steps in order):
//
//   route()      pick the route as soon as the header is read: it decides the body limit
//   handle()     run the handler, or answer 404 / 405 / OPTIONS / static files; never throws:
//                an exception becomes a 500 problem whose cause is logged, not sent
//   decorate()   headers every response carries: X-Request-Id, security headers, Date, and
//                Cache-Control: no-store unless the handler chose otherwise (API answers hold
//                personal data)
//   record()     after the response is written: one JSON access log line and the metrics
//                motcua_http_requests_total{method,route,status},
//                motcua_http_request_duration_seconds{method,route} (plus the gauge
//                motcua_http_requests_in_flight); route is the pattern, never the raw path, so
//                the number of series stays bounded
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "http/http_types.hpp"
#include "http/metrics.hpp"
#include "http/router.hpp"

namespace spdlog {
class logger;
}

namespace motcua::http {

class StaticFiles;

// Route labels for requests that matched no pattern.
inline constexpr std::string_view kRouteUnmatched = "(unmatched)";  // 404 without static files
inline constexpr std::string_view kRouteStatic = "(static)";        // served by StaticFiles
inline constexpr std::string_view kRouteInvalid = "(invalid)";      // unreadable request

struct PipelineOptions {
  std::size_t default_body_limit = 1024 * 1024;
  std::string content_security_policy;
};

// One finished exchange, as the connection saw it.
struct Exchange {
  const HttpRequest* request = nullptr;  // path, request id and remote address
  std::string_view method;               // as sent; empty if the request line was unreadable
  std::string_view route;
  int status = 0;
  std::size_t bytes = 0;  // body bytes written
  std::chrono::steady_clock::duration duration{};
};

class Pipeline {
 public:
  // `static_files` may be null (no web application to serve); the others must outlive this.
  Pipeline(const Router& router, const StaticFiles* static_files, Metrics& metrics,
           std::shared_ptr<spdlog::logger> log, PipelineOptions options);
  ~Pipeline();

  RouteMatch route(const HttpRequest& request) const;
  std::size_t body_limit(const RouteMatch& match) const;
  std::string_view route_label(const RouteMatch& match) const;

  HttpResponse handle(HttpRequest& request, const RouteMatch& match) const;
  // Whether the matched route answers later (an AsyncHandler): the connection then calls
  // handle_async instead of handle and waits for `respond` without holding its thread.
  static bool answers_later(const RouteMatch& match);
  // 429 with Retry-After when the route's rate limit refuses this client; nullopt to go on.
  std::optional<HttpResponse> refuse_for_rate(const HttpRequest& request,
                                              const RouteMatch& match) const;
  // Starts the route's async handler; `respond` receives, exactly once, a function that builds the
  // checked answer (a 500 problem if the handler threw before answering, or the function threw or
  // built something malformed). The caller runs that function on its io thread.
  void handle_async(HttpRequest& request, const RouteMatch& match, Respond respond) const;
  void decorate(const HttpRequest& request, HttpResponse& response) const;
  void record(const Exchange& exchange) const;

  // For failures outside a handler (accept errors, a session that threw).
  void log_error(std::string_view message, std::string_view request_id,
                 std::string_view error) const;
  Gauge& in_flight() const { return *in_flight_; }

 private:
  HttpResponse guarded(const HttpRequest& request, const std::function<HttpResponse()>& fn) const;
  // The handler's answer if it is well formed, else a 500 problem (the cause logged).
  HttpResponse checked(const HttpRequest& request, HttpResponse res) const;

  const Router& router_;
  const StaticFiles* static_files_;
  std::shared_ptr<spdlog::logger> log_;
  PipelineOptions options_;
  CounterFamily* requests_;
  HistogramFamily* durations_;
  Gauge* in_flight_;
  CounterFamily* rate_refusals_;
};

// The incoming X-Request-Id when it is a sane identifier (1 to 128 characters of letters, digits
// and "._:-", so it cannot forge log lines), else 32 random hex digits.
std::string make_request_id(std::string_view incoming);

// IMF-fixdate for the Date header: "Sun, 06 Nov 1994 08:49:37 GMT" (independent of the locale).
std::string http_date(std::chrono::system_clock::time_point time);

}  // namespace motcua::http
