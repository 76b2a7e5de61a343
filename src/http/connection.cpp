#include "http/connection.hpp"

#include <algorithm>
#include <array>
#include <boost/asio/as_tuple.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/ssl/error.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>
#include <boost/optional/optional.hpp>
#include <limits>

#include "http/http_errors.hpp"
#include "http/problem.hpp"
#include "http/request_target.hpp"

namespace motcua::http::detail {
namespace {

namespace asio = boost::asio;
namespace bhttp = boost::beast::http;
using boost::system::error_code;

// Errors come back as values: timeouts, resets and end of stream are ordinary events here.
constexpr auto use_nothrow = asio::as_tuple(asio::use_awaitable);

// After refusing a request we read (and drop) what the client still sends for this long, at most
// kLingerBytes, so that closing does not make the kernel answer with a reset that could destroy
// our response before the client has read it.
constexpr std::chrono::milliseconds kLinger{1000};
constexpr std::size_t kLingerBytes = 1024 * 1024;

// How long a closing TLS connection waits for the client's close_notify after sending ours.
constexpr std::chrono::milliseconds kTlsShutdownWait{250};

// Every TLS connection opens with a handshake record (content type 22).
constexpr unsigned char kTlsHandshakeRecord = 0x16;

// What a client that speaks plain HTTP to the TLS port reads (as nginx does, a 400 that names the
// mistake), in both languages.
const std::string& plain_http_to_tls_port() {
  static const std::string answer = [] {
    const HttpResponse res =
        problem(400, "https_required", "Cổng này chỉ nhận HTTPS: hãy dùng địa chỉ https://.",
                "This port speaks HTTPS only: use the https:// address.");
    return "HTTP/1.1 400 Bad Request\r\nContent-Type: application/problem+json\r\n"
           "Connection: close\r\nContent-Length: " +
           std::to_string(res.body.size()) + "\r\n\r\n" + res.body;
  }();
  return answer;
}

// "GET / HTTP/2.0": a well-formed request line whose version is not 1.0 or 1.1. Beast reports
// such a line and a garbled one ("GET /a b HTTP/1.1") alike, as bad_version.
bool other_http_version(std::string_view buffered) {
  const std::string_view line = buffered.substr(0, buffered.find("\r\n"));
  const auto first = line.find(' ');
  const auto last = line.rfind(' ');
  if (first == std::string_view::npos || line.find(' ', first + 1) != last) return false;
  const std::string_view version = line.substr(last + 1);
  const auto digit = [](char c) { return c >= '0' && c <= '9'; };
  return version.size() == 8 && version.starts_with("HTTP/") && digit(version[5]) &&
         version[6] == '.' && digit(version[7]);
}

// The answer owed for a failed read, if any: a peer that went away or a stop gets none.
std::optional<HttpResponse> answer_for(const error_code& ec, bool timed_out,
                                       std::string_view instance, std::size_t body_limit,
                                       std::string_view buffered) {
  if (timed_out) return errors::request_timeout();
  if (ec == bhttp::error::header_limit) return errors::headers_too_large();
  if (ec == bhttp::error::body_limit) return errors::body_too_large(instance, body_limit);
  // Beast reads HTTP/1.0 and HTTP/1.1 only, so HTTP/1.2, which RFC 9112 would have us serve
  // as 1.1, gets a 505 too (no client sends it).
  if (ec == bhttp::error::bad_version && other_http_version(buffered)) {
    return errors::http_version_not_supported();
  }
  if (ec.category() != bhttp::make_error_code(bhttp::error::bad_method).category()) {
    return std::nullopt;  // a network error
  }
  if (ec == bhttp::error::end_of_stream || ec == bhttp::error::partial_message ||
      ec == bhttp::error::short_read) {
    return std::nullopt;  // the client left mid-request
  }
  return errors::bad_request(instance);
}

std::uint32_t clamp32(std::size_t n) {
  return static_cast<std::uint32_t>(
      std::min<std::size_t>(n, std::numeric_limits<std::uint32_t>::max()));
}

// Decrements the in-flight gauge however the coroutine leaves the scope.
struct InFlight {
  explicit InFlight(Gauge& g) : gauge(g) { gauge.inc(); }
  ~InFlight() { gauge.dec(); }
  InFlight(const InFlight&) = delete;
  InFlight& operator=(const InFlight&) = delete;
  Gauge& gauge;
};

}  // namespace

Connection::Connection(asio::ip::tcp::socket socket, ServerContext& context)
    : socket_(std::move(socket)), timer_(socket_.get_executor()), context_(context) {
  error_code ec;
  const auto endpoint = socket_.remote_endpoint(ec);
  if (!ec) remote_ = endpoint.address().to_string();
  if (context_.tls != nullptr) {
    tls_ = std::make_unique<asio::ssl::stream<asio::ip::tcp::socket&>>(socket_, *context_.tls);
  }
}

asio::awaitable<void> Connection::run(std::shared_ptr<Connection> self) {
  try {
    co_await self->serve();
  } catch (const std::exception& e) {
    self->context_.pipeline.log_error("connection failed", {}, e.what());
  }
  try {
    co_await self->close();
  } catch (const std::exception& e) {
    self->context_.pipeline.log_error("connection close failed", {}, e.what());
  }
  self->context_.registry.remove(self.get());
}

void Connection::request_stop() {
  stop_requested_ = true;
  if (idle_) {
    error_code ignored;
    socket_.cancel(ignored);
  }
}

void Connection::force_close() {
  error_code ignored;
  socket_.close(ignored);
  timer_.cancel();
}

void Connection::arm(std::chrono::milliseconds timeout) {
  const auto generation = ++deadline_generation_;
  timer_.expires_after(timeout);
  timer_.async_wait([self = shared_from_this(), generation](const error_code& ec) {
    // A newer deadline replaced this one, perhaps after it had already fired: ignore it.
    if (ec || generation != self->deadline_generation_) return;
    self->timed_out_ = true;
    error_code ignored;
    self->socket_.cancel(ignored);
  });
}

void Connection::disarm() {
  ++deadline_generation_;
  timer_.cancel();
}

asio::awaitable<bool> Connection::handshake() {
  arm(context_.config.read_timeout);
  // Peek at the first byte without taking it: the handshake must still read it.
  auto [wait_ec] = co_await socket_.async_wait(asio::ip::tcp::socket::wait_read, use_nothrow);
  unsigned char first = 0;
  error_code peek_ec;
  const std::size_t peeked =
      wait_ec
          ? 0
          : socket_.receive(asio::buffer(&first, 1), asio::ip::tcp::socket::message_peek, peek_ec);
  if (wait_ec || peek_ec || peeked == 0) {
    disarm();
    tls_.reset();
    co_return false;
  }
  if (first != kTlsHandshakeRecord) {
    disarm();
    tls_.reset();  // from here on plain: the refusal and the close go over the bare socket
    unread_input_ = true;
    arm(context_.config.write_timeout);
    co_await asio::async_write(socket_, asio::buffer(plain_http_to_tls_port()), use_nothrow);
    disarm();
    co_return false;
  }
  auto [ec] = co_await tls_->async_handshake(asio::ssl::stream_base::server, use_nothrow);
  disarm();
  if (ec) {
    tls_.reset();  // no TLS session to close
    co_return false;
  }
  co_return true;
}

asio::awaitable<void> Connection::serve() {
  const auto& config = context_.config;
  if (tls_ && !co_await handshake()) co_return;
  for (bool first = true; !stop_requested_ && !context_.registry.stopping(); first = false) {
    // Bytes of a pipelined request may already be buffered; otherwise wait for the next one.
    if (buffer_.size() == 0 &&
        !co_await wait_for_request(first ? config.read_timeout : config.idle_timeout)) {
      co_return;
    }
    if (!co_await serve_one()) co_return;
  }
}

asio::awaitable<bool> Connection::wait_for_request(std::chrono::milliseconds timeout) {
  idle_ = true;
  arm(timeout);
  auto [ec, n] = co_await on_stream(
      [&](auto& stream) { return stream.async_read_some(buffer_.prepare(4096), use_nothrow); });
  idle_ = false;
  disarm();
  if (ec) co_return false;  // closed, idle too long or stopping: nothing to answer
  buffer_.commit(n);
  co_return true;
}

asio::awaitable<bool> Connection::serve_one() {
  const auto& config = context_.config;
  const auto& pipeline = context_.pipeline;
  const auto started = std::chrono::steady_clock::now();
  InFlight in_flight(pipeline.in_flight());

  HttpRequest req;
  req.remote_address = remote_;
  req.client_address = remote_;  // until the header says otherwise (a refusal before it)

  bhttp::request_parser<bhttp::string_body> parser;
  parser.header_limit(clamp32(config.header_limit));
  parser.body_limit(boost::none);  // the route decides, once the header is known

  arm(config.read_timeout);
  auto [header_ec, header_bytes] = co_await on_stream(
      [&](auto& stream) { return bhttp::async_read_header(stream, buffer_, parser, use_nothrow); });
  if (header_ec) {
    disarm();
    const auto data = buffer_.data();
    const std::string_view buffered(static_cast<const char*>(data.data()), data.size());
    if (auto answer = answer_for(header_ec, timed_out_, {}, 0, buffered)) {
      co_await refuse(req, {}, kRouteInvalid, std::move(*answer), 11, started);
    }
    co_return false;
  }

  const auto& header = parser.get();
  const std::string method_name(header.method_string());
  const unsigned version = header.version();  // 10 or 11: Beast refuses others (bad_version)
  req.target = std::string(header.target());
  for (const auto& field : header) {
    req.headers.emplace_back(std::string(field.name_string()), std::string(field.value()));
  }
  req.request_id = make_request_id(req.header("X-Request-Id"));
  req.client_address = config.trusted_proxies.client_of(remote_, req.header("X-Forwarded-For"));
  req.secure_transport = tls_ != nullptr || (config.trusted_proxies.trusts(remote_) &&
                                             iequals(req.header("X-Forwarded-Proto"), "https"));

  auto target = parse_target(req.target);
  const bool host_missing = version == 11 && !req.has_header("Host");  // RFC 9112 3.2
  // Beast frames "Transfer-Encoding: chunked, gzip" by its (absent) Content-Length and hands
  // over "gzip, chunked" still gzipped. RFC 9112 6.3 asks for a 400 for the first, and we decode
  // no coding but chunked, so both are refused rather than misread.
  const bool odd_coding =
      req.has_header("Transfer-Encoding") && !iequals(req.header("Transfer-Encoding"), "chunked");
  if (!target || host_missing || odd_coding) {
    disarm();
    co_await refuse(req, method_name, kRouteInvalid, errors::bad_request(), version, started);
    co_return false;
  }
  req.path = std::move(target->path);
  req.query = std::move(target->query);

  const auto method = parse_method(method_name);
  if (!method) {
    disarm();
    co_await refuse(req, method_name, kRouteInvalid, errors::method_not_implemented(req.path),
                    version, started);
    co_return false;
  }
  req.method = *method;

  const RouteMatch match = pipeline.route(req);
  const std::string_view route = pipeline.route_label(match);
  const std::size_t limit = pipeline.body_limit(match);
  if (const auto length = parser.content_length(); length && *length > limit) {
    // Refused before a byte of the body is read (and before any 100 Continue).
    disarm();
    co_await refuse(req, method_name, route, errors::body_too_large(req.path, limit), version,
                    started);
    co_return false;
  }
  parser.body_limit(limit);
  if (auto refused = pipeline.refuse_for_rate(req, match)) {
    // Before any byte of the body (an upload's ten megabytes are not read to be refused).
    disarm();
    co_await refuse(req, method_name, route, std::move(*refused), version, started);
    co_return false;
  }

  if (!parser.is_done()) {
    // RFC 9110 10.1.1: no 100 Continue to an HTTP/1.0 client.
    if (version == 11 && iequals(req.header("Expect"), "100-continue")) {
      // A fixed line: no need to instantiate Beast's serializer for a second message type.
      static constexpr std::string_view kContinue = "HTTP/1.1 100 Continue\r\n\r\n";
      auto [ec, n] = co_await on_stream([&](auto& stream) {
        return asio::async_write(stream, asio::buffer(kContinue), use_nothrow);
      });
      if (ec) co_return false;
    }
    auto [body_ec, body_bytes] = co_await on_stream(
        [&](auto& stream) { return bhttp::async_read(stream, buffer_, parser, use_nothrow); });
    if (body_ec) {
      disarm();
      if (auto answer = answer_for(body_ec, timed_out_, req.path, limit, {})) {
        co_await refuse(req, method_name, route, std::move(*answer), version, started);
      }
      co_return false;
    }
  }
  disarm();

  req.body = std::move(parser.get().body());
  const bool keep_alive = parser.get().keep_alive();
  // Not a conditional expression: g++ 12 miscompiles co_await inside `?:` (the temporary of the
  // other branch is destroyed twice).
  HttpResponse res;
  if (Pipeline::answers_later(match)) {
    res = co_await answer_later(req, match);
  } else {
    res = pipeline.handle(req, match);
  }
  co_return co_await respond(req, method_name, route, std::move(res), keep_alive,
                             req.method == Method::head, version, started);
}

asio::awaitable<HttpResponse> Connection::answer_later(HttpRequest& req, const RouteMatch& match) {
  // The handler answers from another thread (the store's writer, after the commit): the answer is
  // posted back to this connection's executor, which resumes the coroutine. Meanwhile this io
  // thread serves other connections.
  co_return co_await asio::async_initiate<decltype(asio::use_awaitable), void(HttpResponse)>(
      [this, &req, &match](auto handler) {
        auto shared = std::make_shared<decltype(handler)>(std::move(handler));
        context_.pipeline.handle_async(
            req, match, [shared, executor = socket_.get_executor()](MakeResponse make) {
              asio::post(executor,
                         [shared, make = std::move(make)]() mutable { (*shared)(make()); });
            });
      },
      asio::use_awaitable);
}

asio::awaitable<bool> Connection::respond(HttpRequest& req, std::string_view method,
                                          std::string_view route, HttpResponse res, bool keep_alive,
                                          bool head, unsigned version,
                                          std::chrono::steady_clock::time_point started) {
  context_.pipeline.decorate(req, res);
  keep_alive = keep_alive && !stop_requested_ && !context_.registry.stopping();

  bhttp::response<bhttp::string_body> msg;
  msg.version(version);
  msg.result(static_cast<unsigned>(res.status));
  for (const auto& [name, value] : res.headers) msg.insert(name, value);
  std::size_t bytes = 0;
  const bool bodiless = res.status == 204 || res.status == 304;
  if (!bodiless) {
    if (head) {
      msg.content_length(res.body.size());  // what GET would send, without sending it
    } else {
      bytes = res.body.size();
      msg.body() = std::move(res.body);
      msg.prepare_payload();
    }
  }
  msg.keep_alive(keep_alive);

  arm(context_.config.write_timeout);
  auto [ec, n] = co_await on_stream(
      [&](auto& stream) { return bhttp::async_write(stream, msg, use_nothrow); });
  disarm();

  context_.pipeline.record(Exchange{&req, method, route, res.status, ec ? 0 : bytes,
                                    std::chrono::steady_clock::now() - started});
  co_return !ec && keep_alive;
}

asio::awaitable<void> Connection::refuse(HttpRequest& req, std::string_view method,
                                         std::string_view route, HttpResponse res, unsigned version,
                                         std::chrono::steady_clock::time_point started) {
  unread_input_ = true;
  if (req.request_id.empty()) req.request_id = make_request_id({});
  co_await respond(req, method, route, std::move(res), false, false, version, started);
}

asio::awaitable<void> Connection::close() {
  error_code ignored;
  if (socket_.is_open() && tls_) {
    // TLS: send close_notify (RFC 8446 6.1) and give the client a moment to answer with its own;
    // what it still sends is read and dropped by the shutdown itself.
    timed_out_ = false;
    arm(kTlsShutdownWait);
    co_await tls_->async_shutdown(use_nothrow);
    disarm();
    socket_.close(ignored);
  }
  if (socket_.is_open()) {
    socket_.shutdown(asio::ip::tcp::socket::shutdown_send, ignored);
    if (unread_input_) {
      std::array<char, 16384> scratch;
      std::size_t drained = 0;
      timed_out_ = false;
      arm(std::min(kLinger, context_.config.read_timeout));
      while (drained < kLingerBytes) {
        auto [ec, n] = co_await socket_.async_read_some(asio::buffer(scratch), use_nothrow);
        if (ec) break;
        drained += n;
      }
      disarm();
    }
    socket_.close(ignored);
  }
  timer_.cancel();
}

ConnectionRegistry::Admission ConnectionRegistry::add(const std::shared_ptr<Connection>& connection,
                                                      std::size_t max_total,
                                                      std::size_t max_per_address, bool exempt) {
  const std::lock_guard lock(mutex_);
  if (stopping_.load()) return Admission::stopping;
  if (live_.size() >= max_total) return Admission::full;
  const std::string& address = connection->remote();
  auto& from_address = per_address_[address];
  if (!exempt && from_address >= max_per_address) {
    if (from_address == 0) per_address_.erase(address);
    return Admission::full;
  }
  ++from_address;
  live_.emplace(connection.get(), Live{connection, address});
  return Admission::admitted;
}

void ConnectionRegistry::remove(const Connection* connection) {
  const std::lock_guard lock(mutex_);
  const auto it = live_.find(connection);
  if (it == live_.end()) return;
  const auto count = per_address_.find(it->second.address);
  if (count != per_address_.end() && --count->second == 0) per_address_.erase(count);
  live_.erase(it);
  if (live_.empty()) empty_.notify_all();
}

void ConnectionRegistry::stop_all() {
  std::vector<std::shared_ptr<Connection>> connections;
  {
    const std::lock_guard lock(mutex_);
    stopping_.store(true, std::memory_order_release);
    for (const auto& [key, live] : live_) {
      if (auto c = live.connection.lock()) connections.push_back(std::move(c));
    }
  }
  for (auto& c : connections) {
    asio::post(c->executor(), [c] { c->request_stop(); });
  }
}

void ConnectionRegistry::force_close_all() {
  std::vector<std::shared_ptr<Connection>> connections;
  {
    const std::lock_guard lock(mutex_);
    for (const auto& [key, live] : live_) {
      if (auto c = live.connection.lock()) connections.push_back(std::move(c));
    }
  }
  for (auto& c : connections) {
    asio::post(c->executor(), [c] { c->force_close(); });
  }
}

bool ConnectionRegistry::wait_empty(std::chrono::milliseconds timeout) {
  std::unique_lock lock(mutex_);
  return empty_.wait_for(lock, timeout, [this] { return live_.empty(); });
}

}  // namespace motcua::http::detail
