#include "http_client.hpp"

#include <boost/asio/redirect_error.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/http.hpp>

namespace motcua::load {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;

Connection::Connection(asio::any_io_executor executor, asio::ip::tcp::endpoint server,
                       std::chrono::seconds timeout)
    : stream_(std::move(executor)), server_(server), timeout_(timeout) {}

asio::awaitable<bool> Connection::ensure_open() {
  if (open_) co_return true;
  beast::error_code ec;
  stream_.expires_after(timeout_);
  co_await stream_.async_connect(server_, asio::redirect_error(asio::use_awaitable, ec));
  if (ec) {
    stream_.socket().close(ec);
    co_return false;
  }
  stream_.socket().set_option(asio::ip::tcp::no_delay(true), ec);
  buffer_.clear();
  open_ = true;
  co_return true;
}

asio::awaitable<Reply> Connection::request(const char* method, const std::string& target,
                                           const std::string& body, const Session* who,
                                           const std::string& idempotency_key,
                                           bool prefer_minimal) {
  http::request<http::string_body> req{http::string_to_verb(method), target, 11};
  req.set(http::field::host, "127.0.0.1");
  if (who != nullptr) {
    req.set(http::field::cookie, who->cookie);
    req.set("X-CSRF-Token", who->csrf);
  }
  if (!idempotency_key.empty()) req.set("Idempotency-Key", idempotency_key);
  if (prefer_minimal) req.set("Prefer", "return=minimal");
  if (req.method() != http::verb::get) {
    req.set(http::field::content_type, "application/json");
    req.body() = body;
    req.prepare_payload();
  }
  Reply reply;
  // A kept-alive connection may have been closed by the server: one more try on a fresh one.
  for (int attempt = 0; attempt < 2; ++attempt) {
    const bool reused = open_;
    if (!co_await ensure_open()) co_return reply;
    beast::error_code ec;
    stream_.expires_after(timeout_);
    co_await http::async_write(stream_, req, asio::redirect_error(asio::use_awaitable, ec));
    http::response<http::string_body> res;
    if (!ec) {
      co_await http::async_read(stream_, buffer_, res,
                                asio::redirect_error(asio::use_awaitable, ec));
    }
    if (ec) {
      open_ = false;
      stream_.socket().close(ec);
      if (reused) continue;
      co_return reply;
    }
    reply.status = static_cast<int>(res.result_int());
    reply.body = std::move(res.body());
    if (const auto it = res.find(http::field::set_cookie); it != res.end())
      reply.set_cookie = std::string(it->value());
    if (!res.keep_alive()) {
      open_ = false;
      stream_.socket().close(ec);
    }
    co_return reply;
  }
  co_return reply;
}

}  // namespace motcua::load
