// Test helpers for http_tests: a real server on 127.0.0.1 with an ephemeral port, a small
// synchronous HTTP/1.1 client over a plain socket (so tests can also send malformed bytes), and a
// log sink that keeps what the server logged.
//
// The client parses responses with Beast's strict parser, so a framing mistake of the server
// (a wrong Content-Length, a body after HEAD) fails the test that meets it.
#pragma once

#include <spdlog/sinks/base_sink.h>

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

#include "http/metrics.hpp"
#include "http/router.hpp"
#include "http/server.hpp"

namespace motcua::http::testing {

// Long enough for a loaded machine; a test waiting this long has failed anyway.
inline constexpr std::chrono::milliseconds kClientTimeout{10000};

struct ClientResponse {
  int status = 0;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  bool keep_alive = false;

  std::string header(std::string_view name) const;  // first value, "" when absent
  bool has_header(std::string_view name) const;
};

// One TCP connection to the server.
class TestClient {
 public:
  explicit TestClient(std::uint16_t port);
  ~TestClient();
  TestClient(const TestClient&) = delete;
  TestClient& operator=(const TestClient&) = delete;

  // Writes all of `bytes`; a connection the server already closed is not an error here (the
  // test reads the outcome instead).
  void send(std::string_view bytes);
  // Reads one response (skipping no 1xx: a 100 Continue is returned as such). Throws
  // std::runtime_error on a timeout, a malformed response or a close before it is complete.
  ClientResponse read_response(bool head_request = false);
  // Sends a request with Host and, when there is a body, Content-Length; reads the response.
  ClientResponse request(std::string_view method, std::string_view target,
                         const std::vector<std::pair<std::string, std::string>>& headers = {},
                         std::string_view body = {});
  // Everything received until the server closes the connection; nullopt if it is still open
  // after `timeout`.
  std::optional<std::string> read_until_closed(std::chrono::milliseconds timeout = kClientTimeout);

 private:
  bool receive_some(std::chrono::milliseconds timeout);  // false on close
  int fd_ = -1;
  std::string pending_;  // received, not yet parsed
};

// A request on a fresh connection.
ClientResponse fetch(std::uint16_t port, std::string_view method, std::string_view target,
                     const std::vector<std::pair<std::string, std::string>>& headers = {},
                     std::string_view body = {});

// Keeps every formatted log line (without the line break).
class CapturingSink final : public spdlog::sinks::base_sink<std::mutex> {
 public:
  std::vector<std::string> lines();

 protected:
  void sink_it_(const spdlog::details::log_msg& msg) override;
  void flush_() override {}

 private:
  std::mutex lines_mutex_;
  std::vector<std::string> lines_;
};

// 127.0.0.1, port 0, two io threads, short timeouts, logs captured in `sink`.
ServerConfig test_config(std::shared_ptr<CapturingSink> sink);

// A started server with its own router and metrics; stopped on destruction.
class TestServer {
 public:
  using Setup = std::function<void(Router&, Metrics&)>;
  // `adjust` may change the configuration made by test_config() before the server starts.
  explicit TestServer(const Setup& setup,
                      const std::function<void(ServerConfig&)>& adjust = nullptr);
  ~TestServer();

  std::uint16_t port() const { return server_->port(); }
  HttpServer& server() { return *server_; }
  Metrics& metrics() { return metrics_; }
  std::vector<std::string> log_lines() { return sink_->lines(); }

 private:
  Metrics metrics_;
  Router router_;
  std::shared_ptr<CapturingSink> sink_;
  std::unique_ptr<HttpServer> server_;
};

// Reads a whole file; throws if it cannot.
std::string read_file(const std::string& path);

// The value of one series in a Prometheus text page, given exactly as it appears before the
// value: `name{label="v",...}` or `name`.
std::optional<double> metric_value(std::string_view page, std::string_view series);

// Polls `condition` until it holds or `timeout` passes. For effects the server records after the
// response is on the wire (log lines, metrics), which a fast client can overtake.
template <class Condition>
bool eventually(Condition condition, std::chrono::milliseconds timeout = kClientTimeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (!condition()) {
    if (std::chrono::steady_clock::now() > deadline) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  return true;
}

}  // namespace motcua::http::testing
