// Internal to the server: one TCP connection served by one coroutine, and the registry through
// which stop() reaches every connection. This header brings in Asio, so only server.cpp and
// connection.cpp include it.
#pragma once

#include <atomic>
#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/asio/ssl/stream.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

#include "http/http_types.hpp"
#include "http/pipeline.hpp"
#include "http/server.hpp"

namespace motcua::http::detail {

class ConnectionRegistry;

// What every connection of one server shares; owned by the server, outlives the connections.
struct ServerContext {
  const ServerConfig& config;
  const Pipeline& pipeline;
  ConnectionRegistry& registry;
  // Set when the server speaks TLS itself (ServerConfig::tls_certificate_file): every connection
  // then starts with a handshake.
  boost::asio::ssl::context* tls = nullptr;
};

class Connection : public std::enable_shared_from_this<Connection> {
 public:
  // `socket` must use a strand of its own: the coroutine and the deadline timer run on it.
  Connection(boost::asio::ip::tcp::socket socket, ServerContext& context);

  // Serves requests until the peer leaves, a timeout, an error or a stop, then closes the socket
  // and leaves the registry.
  static boost::asio::awaitable<void> run(std::shared_ptr<Connection> self);

  // Both only on executor() (post them there).
  // Finish the request in progress (answered with Connection: close); close now if idle.
  void request_stop();
  void force_close();

  boost::asio::any_io_executor executor() { return socket_.get_executor(); }
  // The peer's IP address ("" if it could not be read).
  const std::string& remote() const { return remote_; }

 private:
  boost::asio::awaitable<void> serve();
  // TLS only: the handshake within read_timeout. A client speaking plain HTTP to the TLS port gets
  // a plain 400 that says so instead of a dead connection. False: close.
  boost::asio::awaitable<bool> handshake();
  // Calls f with the stream requests travel on: the TLS stream once the handshake is done, else
  // the socket. Every read and write of HTTP goes through here.
  template <class F>
  auto on_stream(F&& f) {
    return tls_ ? f(*tls_) : f(socket_);
  }
  boost::asio::awaitable<bool> wait_for_request(std::chrono::milliseconds timeout);
  boost::asio::awaitable<bool> serve_one();
  boost::asio::awaitable<HttpResponse> answer_later(HttpRequest& request, const RouteMatch& match);
  // Decorates, writes and records one response; true if the connection may carry another.
  boost::asio::awaitable<bool> respond(HttpRequest& request, std::string_view method,
                                       std::string_view route, HttpResponse response,
                                       bool keep_alive, bool head, unsigned version,
                                       std::chrono::steady_clock::time_point started);
  // For a request that could not be read to its end: answer (if there is anything to say) and
  // close, draining what the client still sends.
  boost::asio::awaitable<void> refuse(HttpRequest& request, std::string_view method,
                                      std::string_view route, HttpResponse response,
                                      unsigned version,
                                      std::chrono::steady_clock::time_point started);
  boost::asio::awaitable<void> close();

  // A deadline for the next socket operation: when it passes, the operation is cancelled and
  // timed_out_ is set. Unlike beast::tcp_stream's timeout this leaves the socket open, so a 408
  // can still be written.
  void arm(std::chrono::milliseconds timeout);
  void disarm();

  boost::asio::ip::tcp::socket socket_;
  std::unique_ptr<boost::asio::ssl::stream<boost::asio::ip::tcp::socket&>> tls_;
  boost::asio::steady_timer timer_;
  boost::beast::flat_buffer buffer_;
  ServerContext& context_;
  std::string remote_;
  std::uint64_t deadline_generation_ = 0;
  bool idle_ = false;  // waiting for the first byte of a request
  bool stop_requested_ = false;
  bool timed_out_ = false;
  bool unread_input_ = false;  // closing before the request was read to its end
};

class ConnectionRegistry {
 public:
  enum class Admission { admitted, stopping, full };
  // Not admitted once stopping, or when `max_total` connections are open, or `max_per_address`
  // from the connection's address (unless `exempt`: a trusted proxy carries many clients). The
  // caller closes a connection that is not admitted instead of serving it.
  Admission add(const std::shared_ptr<Connection>& connection, std::size_t max_total,
                std::size_t max_per_address, bool exempt);
  void remove(const Connection* connection);
  // From now on add() refuses; every live connection is asked to stop.
  void stop_all();
  void force_close_all();
  // True when the last connection has gone within `timeout`.
  bool wait_empty(std::chrono::milliseconds timeout);
  // Read without the lock by connections about to answer: a handler that was running when stop()
  // began cannot see request_stop() (queued behind it on its strand) before its response goes out.
  bool stopping() const { return stopping_.load(std::memory_order_acquire); }

 private:
  std::mutex mutex_;
  std::condition_variable empty_;
  struct Live {
    std::weak_ptr<Connection> connection;
    std::string address;
  };
  std::unordered_map<const Connection*, Live> live_;
  std::unordered_map<std::string, std::size_t> per_address_;
  std::atomic<bool> stopping_{false};
};

}  // namespace motcua::http::detail
