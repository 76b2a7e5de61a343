// One kept-alive HTTP/1.1 connection of the load generator (Boost.Beast over an Asio coroutine).
// A request sent on a connection the server closed meanwhile is sent once more on a new one: the
// writes carry an Idempotency-Key, so a repeat is safe whether or not the first one arrived.
#pragma once

#include <boost/asio/awaitable.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <chrono>
#include <string>

namespace motcua::load {

struct Reply {
  int status = 0;  // 0: no answer (refused, reset, timed out)
  std::string body;
  std::string set_cookie;
};

struct Session {
  std::string cookie;  // "motcua_session=..."
  std::string csrf;
};

class Connection {
 public:
  Connection(boost::asio::any_io_executor executor, boost::asio::ip::tcp::endpoint server,
             std::chrono::seconds timeout);

  // GET when body is empty and method is "GET"; otherwise a JSON POST. An empty key sends none.
  boost::asio::awaitable<Reply> request(const char* method, const std::string& target,
                                        const std::string& body, const Session* who,
                                        const std::string& idempotency_key,
                                        bool prefer_minimal = false);

 private:
  boost::asio::awaitable<bool> ensure_open();

  boost::beast::tcp_stream stream_;
  boost::asio::ip::tcp::endpoint server_;
  std::chrono::seconds timeout_;
  boost::beast::flat_buffer buffer_;
  bool open_ = false;
};

}  // namespace motcua::load
