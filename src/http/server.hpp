// The HTTP/1.1 server: Boost.Beast over Asio with C++20 coroutines, one io_context run by one
// thread per core, a coroutine per connection. Beast and Asio stay inside server.cpp and
// connection.cpp; this header is plain C++.
//
//   Router router;
//   add_builtin_routes(router, metrics);
//   HttpServer server(ServerConfig{.port = 8080, .static_dir = "web/dist"}, router, metrics);
//   server.start();   // listening when it returns
//   ...               // on SIGTERM, from another thread:
//   server.stop();    // stop accepting, finish requests in flight, join the threads
//
// Per request: the header is read within header_limit (431 beyond), the route is picked and its
// body limit applied (413 beyond, checked against Content-Length before any body byte is read),
// the handler runs on the io thread, and the response goes out with the pipeline's headers
// (pipeline.hpp). Connections are kept alive between requests and closed after idle_timeout.
// A request id is taken from X-Request-Id or generated, and echoed in the response.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "http/client_address.hpp"
#include "http/router.hpp"

namespace spdlog {
class logger;
}

namespace motcua::http {

class Metrics;

// For a Vue application built by Vite and served from the same origin: no inline scripts, no
// eval, no plug-ins, no framing; images may be data: URLs (small icons inlined by the build).
// Inline style attributes are refused too; relax style-src if a component library needs them.
inline constexpr std::string_view kDefaultContentSecurityPolicy =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
    "form-action 'self'; frame-ancestors 'none'";

// One io thread per core (at least one).
int default_thread_count();

struct ServerConfig {
  std::string address = "127.0.0.1";
  std::uint16_t port = 8080;  // 0: an ephemeral port, see HttpServer::port()
  int threads = default_thread_count();
  std::size_t header_limit = 16 * 1024;          // request line and fields together
  std::size_t default_body_limit = 1024 * 1024;  // for routes without max_body_bytes
  // From the first byte of a request to its last (the first request of a connection also gets
  // this long to start). Beyond it: 408 if part of a request arrived, else a silent close.
  std::chrono::milliseconds read_timeout = std::chrono::seconds(30);
  // Keep-alive: how long an open connection may wait for its next request.
  std::chrono::milliseconds idle_timeout = std::chrono::seconds(60);
  std::chrono::milliseconds write_timeout = std::chrono::seconds(30);
  // stop(): how long requests in flight get before their connections are closed.
  std::chrono::milliseconds shutdown_timeout = std::chrono::seconds(10);
  // The web application (web/dist): served for paths no route matches. Empty: such paths get a
  // 404 problem.
  std::string static_dir{};
  std::size_t static_cache_bytes = 64 * 1024 * 1024;
  std::string content_security_policy = std::string(kDefaultContentSecurityPolicy);
  // Open connections at most, in all and from one address (trusted proxies exempt from the
  // second); a connection beyond either is closed at once.
  std::size_t max_connections = 10'000;
  std::size_t max_connections_per_address = 512;
  // Native TLS (both set): the server speaks HTTPS only on its port, with this PEM certificate
  // chain and private key (the key file must not be readable by other users). Empty: plain HTTP,
  // the usual set-up behind a TLS-terminating reverse proxy (docs/operations.md).
  std::string tls_certificate_file{};
  std::string tls_private_key_file{};
  // Reverse proxies whose X-Forwarded-For / X-Forwarded-Proto are believed (none by default).
  TrustedProxies trusted_proxies{};
  // Receives the JSON request log and error lines; null: a logger writing them to stderr.
  std::shared_ptr<spdlog::logger> logger{};
};

// Why the server could not speak TLS with these files (unreadable, not PEM, key and certificate
// that do not match, a key other users can read), or empty if it can: for a command line to refuse
// before it starts anything else.
std::string tls_files_problem(const std::string& certificate_chain_file,
                              const std::string& private_key_file);

class HttpServer {
 public:
  // `router` and `metrics` must outlive the server; the router must not change once started.
  HttpServer(ServerConfig config, const Router& router, Metrics& metrics);
  ~HttpServer();  // stop()s if still running
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  // Binds, listens and spawns the io threads; throws std::system_error if the address cannot be
  // bound, std::runtime_error if the TLS certificate or key cannot be used, std::logic_error if
  // called twice.
  void start();
  // The bound port (the ephemeral one when config.port was 0); 0 before start().
  std::uint16_t port() const;
  // Graceful: stop accepting, let idle connections go, finish requests in flight (answered with
  // Connection: close), force-close what is left after shutdown_timeout, join the threads.
  // Idempotent; blocks. Must not be called from a handler (std::logic_error).
  void stop();
  // Blocks until stop() has completed (from another thread).
  void wait();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace motcua::http
