#include "http/pipeline.hpp"

#include <openssl/rand.h>
#include <spdlog/logger.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cstdio>
#include <ctime>
#include <exception>

#include "http/access_log.hpp"
#include "http/http_errors.hpp"
#include "http/metrics.hpp"
#include "http/rate_limiter.hpp"
#include "http/response_compression.hpp"
#include "http/static_files.hpp"

namespace motcua::http {
namespace {

bool is_request_id_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
         c == '_' || c == ':' || c == '-';
}

// Headers that frame the message belong to the server, whatever a handler wrote.
bool is_framing_header(std::string_view name) {
  return iequals(name, "Content-Length") || iequals(name, "Transfer-Encoding") ||
         iequals(name, "Connection") || iequals(name, "Keep-Alive") || iequals(name, "Upgrade");
}

void set_default(HttpResponse& res, std::string_view name, std::string_view value) {
  if (!value.empty() && !res.has_header(name)) res.add_header(name, value);
}

}  // namespace

Pipeline::Pipeline(const Router& router, const StaticFiles* static_files, Metrics& metrics,
                   std::shared_ptr<spdlog::logger> log, PipelineOptions options)
    : router_(router),
      static_files_(static_files),
      log_(std::move(log)),
      options_(std::move(options)),
      requests_(&metrics.counter("motcua_http_requests_total",
                                 "HTTP requests answered, by method, route pattern and status.",
                                 {"method", "route", "status"})),
      durations_(&metrics.histogram(
          "motcua_http_request_duration_seconds",
          "Time from the request header to the response written, by method and route pattern.",
          {"method", "route"}, Metrics::default_seconds_buckets())),
      in_flight_(
          &metrics.gauge("motcua_http_requests_in_flight", "HTTP requests being served.").with({})),
      rate_refusals_(&metrics.counter("motcua_http_rate_limited_total",
                                      "Requests refused 429 by a route's rate limit, by limit.",
                                      {"limit"})) {}

Pipeline::~Pipeline() = default;

RouteMatch Pipeline::route(const HttpRequest& request) const {
  return router_.match(request.method, request.path);
}

std::size_t Pipeline::body_limit(const RouteMatch& match) const {
  if (match.outcome == RouteMatch::Outcome::matched && match.route->options.max_body_bytes) {
    return *match.route->options.max_body_bytes;
  }
  return options_.default_body_limit;
}

std::string_view Pipeline::route_label(const RouteMatch& match) const {
  switch (match.outcome) {
    case RouteMatch::Outcome::matched:
    case RouteMatch::Outcome::options:
    case RouteMatch::Outcome::method_not_allowed:
      return match.pattern;
    case RouteMatch::Outcome::not_found:
      return static_files_ != nullptr ? kRouteStatic : kRouteUnmatched;
    case RouteMatch::Outcome::bad_path:
      break;
  }
  return kRouteInvalid;
}

HttpResponse Pipeline::checked(const HttpRequest& request, HttpResponse res) const {
  std::string error;
  if (res.status < 200 || res.status > 599) {
    error = "handler returned status " + std::to_string(res.status);
  } else {
    for (const auto& [name, value] : res.headers) {
      if (!valid_header(name, value)) error = "handler returned an invalid header: " + name;
    }
  }
  if (error.empty()) return res;
  log_error("handler failed", request.request_id, error);
  return errors::internal_error(request.path);
}

HttpResponse Pipeline::guarded(const HttpRequest& request,
                               const std::function<HttpResponse()>& fn) const {
  std::string error;
  try {
    return checked(request, fn());
  } catch (const std::exception& e) {
    error = e.what();
  } catch (...) {
    error = "unknown exception";
  }
  log_error("handler failed", request.request_id, error);
  return errors::internal_error(request.path);
}

std::optional<HttpResponse> Pipeline::refuse_for_rate(const HttpRequest& request,
                                                      const RouteMatch& match) const {
  if (match.outcome != RouteMatch::Outcome::matched || match.route == nullptr) return std::nullopt;
  RateLimiter* limiter = match.route->options.rate_limit;
  if (limiter == nullptr) return std::nullopt;
  const std::int64_t wait = limiter->take(request.client());
  if (wait == 0) return std::nullopt;
  rate_refusals_->with({limiter->name()}).inc();
  return errors::too_many_requests(request.path, limiter->name(), wait);
}

bool Pipeline::answers_later(const RouteMatch& match) {
  return match.outcome == RouteMatch::Outcome::matched && match.route != nullptr &&
         static_cast<bool>(match.route->async_handler);
}

void Pipeline::handle_async(HttpRequest& request, const RouteMatch& match, Respond respond) const {
  request.path_params = match.params;
  // Exactly one answer, whether the handler responds, throws first, or responds and then throws.
  auto answered = std::make_shared<std::atomic<bool>>(false);
  auto once = [this, &request, answered, respond](MakeResponse make) {
    if (answered->exchange(true)) return;
    respond([this, &request, make = std::move(make)] { return guarded(request, make); });
  };
  std::string error;
  try {
    match.route->async_handler(request, once);
    return;
  } catch (const std::exception& e) {
    error = e.what();
  } catch (...) {
    error = "unknown exception";
  }
  if (answered->exchange(true)) return;
  log_error("handler failed", request.request_id, error);
  respond([&request] { return errors::internal_error(request.path); });
}

HttpResponse Pipeline::handle(HttpRequest& request, const RouteMatch& match) const {
  switch (match.outcome) {
    case RouteMatch::Outcome::matched:
      request.path_params = match.params;
      return guarded(request, [&] { return match.route->handler(request); });
    case RouteMatch::Outcome::options: {
      HttpResponse res = HttpResponse::empty(204);
      res.set_header("Allow", errors::allow_header(match.allowed));
      return res;
    }
    case RouteMatch::Outcome::method_not_allowed:
      return errors::method_not_allowed(request.path, match.allowed);
    case RouteMatch::Outcome::not_found:
      if (static_files_ != nullptr) {
        return guarded(request, [&] { return static_files_->serve(request); });
      }
      return errors::not_found(request.path);
    case RouteMatch::Outcome::bad_path:
      break;
  }
  return errors::invalid_path(request.path);
}

void Pipeline::decorate(const HttpRequest& request, HttpResponse& res) const {
  std::erase_if(res.headers, [](const auto& h) { return is_framing_header(h.first); });
  if (!request.request_id.empty()) res.set_header("X-Request-Id", request.request_id);
  set_default(res, "X-Content-Type-Options", "nosniff");
  set_default(res, "Referrer-Policy", "same-origin");
  set_default(res, "X-Frame-Options", "DENY");
  set_default(res, "Content-Security-Policy", options_.content_security_policy);
  // No page of ours needs a camera, microphone, location or payment handler of the browser.
  set_default(res, "Permissions-Policy",
              "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()");
  // Only over TLS (RFC 6797 7.2: ignored, and pointless, over plain HTTP): two years, the
  // preload list's minimum; subdomains too, since a province's portal owns its name.
  if (request.secure_transport) {
    set_default(res, "Strict-Transport-Security", "max-age=63072000; includeSubDomains");
  }
  set_default(res, "Cache-Control", "no-store");
  compress_response(request, res);
  res.set_header("Date", http_date(std::chrono::system_clock::now()));
}

void Pipeline::record(const Exchange& e) const {
  const std::string_view method = parse_method(e.method) ? e.method : std::string_view("OTHER");
  const std::string status = std::to_string(e.status);
  const double seconds = std::chrono::duration<double>(e.duration).count();
  requests_->with({method, e.route, status}).inc();
  durations_->with({method, e.route}).observe(seconds);

  AccessRecord line;
  line.time = std::chrono::system_clock::now();
  line.request_id = e.request->request_id;
  // Bounded: a method is a token of any length on the wire, and logs are not a dumping ground.
  line.method = e.method.substr(0, 32);
  line.path = e.request->path;
  line.route = e.route;
  line.status = e.status;
  line.bytes = e.bytes;
  line.duration_ms = seconds * 1000.0;
  line.remote = e.request->client();
  log_->log(spdlog::level::info, access_log_line(line));
}

void Pipeline::log_error(std::string_view message, std::string_view request_id,
                         std::string_view error) const {
  log_->log(spdlog::level::err, error_log_line(message, request_id, error));
}

std::string make_request_id(std::string_view incoming) {
  if (!incoming.empty() && incoming.size() <= 128 &&
      std::all_of(incoming.begin(), incoming.end(), is_request_id_char)) {
    return std::string(incoming);
  }
  // Uniqueness, not secrecy, is what a request id needs: a random key per thread (one RAND_bytes
  // call, not one per request, which takes the generator's locks) and a counter, mixed so that
  // ids do not read as a count of requests. splitmix64 is a bijection, so one thread never repeats
  // an id; two threads collide only if their random keys do.
  thread_local const std::array<std::uint64_t, 2> key = [] {
    std::array<std::uint64_t, 2> k{};
    if (RAND_bytes(reinterpret_cast<unsigned char*>(k.data()), sizeof k) != 1) {
      static std::atomic<std::uint64_t> fallback{0};
      k[0] =
          fallback.fetch_add(1) ^
          static_cast<std::uint64_t>(std::chrono::steady_clock::now().time_since_epoch().count());
      k[1] = ~k[0];
    }
    return k;
  }();
  thread_local std::uint64_t counter = 0;
  const auto mix = [](std::uint64_t z) {
    z += 0x9e3779b97f4a7c15ULL;
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  };
  const std::uint64_t n = counter++;
  const std::array<std::uint64_t, 2> words = {key[0], mix(n ^ key[1])};
  static constexpr char kHex[] = "0123456789abcdef";
  std::string id(32, '0');
  for (std::size_t w = 0; w < 2; ++w) {
    for (std::size_t i = 0; i < 16; ++i) id[w * 16 + i] = kHex[(words[w] >> (60 - 4 * i)) & 0xf];
  }
  return id;
}

std::string http_date(std::chrono::system_clock::time_point time) {
  static constexpr std::array<const char*, 7> kDays = {"Sun", "Mon", "Tue", "Wed",
                                                       "Thu", "Fri", "Sat"};
  static constexpr std::array<const char*, 12> kMonths = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  const std::time_t t = std::chrono::system_clock::to_time_t(time);
  // Every response carries one: formatted once a second per thread, not once a request.
  thread_local std::time_t last = -1;
  thread_local std::string formatted;
  if (t == last) return formatted;
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[40];
  std::snprintf(buf, sizeof buf, "%s, %02d %s %04d %02d:%02d:%02d GMT", kDays[tm.tm_wday],
                tm.tm_mday, kMonths[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour, tm.tm_min,
                tm.tm_sec);
  last = t;
  formatted = buf;
  return formatted;
}

}  // namespace motcua::http
