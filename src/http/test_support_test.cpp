// The test helpers of test_support.hpp. Named *_test.cpp so that the build compiles it into
// http_tests only, never into the library.
#include "http/test_support.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <spdlog/logger.h>
#include <sys/socket.h>
#include <unistd.h>

#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/string_body.hpp>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "http/http_types.hpp"

namespace motcua::http::testing {
namespace {

namespace bhttp = boost::beast::http;

std::runtime_error socket_error(const std::string& what) {
  return std::runtime_error(what + ": " + std::strerror(errno));
}

}  // namespace

std::string ClientResponse::header(std::string_view name) const {
  for (const auto& [key, value] : headers) {
    if (iequals(key, name)) return value;
  }
  return {};
}

bool ClientResponse::has_header(std::string_view name) const {
  for (const auto& [key, value] : headers) {
    if (iequals(key, name)) return true;
  }
  return false;
}

TestClient::TestClient(std::uint16_t port) {
  fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd_ < 0) throw socket_error("socket");
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(port);
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd_, reinterpret_cast<const sockaddr*>(&addr), sizeof addr) != 0) {
    const auto error = socket_error("connect");
    ::close(fd_);
    throw error;
  }
  const int one = 1;
  ::setsockopt(fd_, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
}

TestClient::~TestClient() {
  if (fd_ >= 0) ::close(fd_);
}

void TestClient::send(std::string_view bytes) {
  while (!bytes.empty()) {
    const auto n = ::send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL);
    if (n < 0) {
      if (errno == EINTR) continue;
      return;  // EPIPE / ECONNRESET: the server closed; the test looks at what it answered
    }
    bytes.remove_prefix(static_cast<std::size_t>(n));
  }
}

bool TestClient::receive_some(std::chrono::milliseconds timeout) {
  pollfd p{fd_, POLLIN, 0};
  const int ready = ::poll(&p, 1, static_cast<int>(timeout.count()));
  if (ready == 0) throw std::runtime_error("timed out waiting for the server");
  if (ready < 0) throw socket_error("poll");
  char buf[65536];
  const auto n = ::recv(fd_, buf, sizeof buf, 0);
  if (n < 0) {
    if (errno == ECONNRESET) return false;
    throw socket_error("recv");
  }
  if (n == 0) return false;
  pending_.append(buf, static_cast<std::size_t>(n));
  return true;
}

ClientResponse TestClient::read_response(bool head_request) {
  bhttp::response_parser<bhttp::string_body> parser;
  parser.eager(true);
  parser.skip(head_request);
  parser.body_limit(256 * 1024 * 1024);
  for (;;) {
    if (!pending_.empty()) {
      boost::system::error_code ec;
      const auto used = parser.put(boost::asio::buffer(pending_.data(), pending_.size()), ec);
      pending_.erase(0, used);
      if (ec && ec != bhttp::error::need_more) {
        throw std::runtime_error("malformed response: " + ec.message());
      }
      if (parser.is_done()) break;
      if (!ec && used > 0) continue;
    }
    if (!receive_some(kClientTimeout)) {
      boost::system::error_code ec;
      parser.put_eof(ec);
      if (ec || !parser.is_done()) throw std::runtime_error("connection closed mid-response");
      break;
    }
  }
  const auto& msg = parser.get();
  ClientResponse out;
  out.status = static_cast<int>(msg.result_int());
  for (const auto& field : msg) {
    out.headers.emplace_back(std::string(field.name_string()), std::string(field.value()));
  }
  out.body = msg.body();
  out.keep_alive = msg.keep_alive();
  return out;
}

ClientResponse TestClient::request(std::string_view method, std::string_view target,
                                   const std::vector<std::pair<std::string, std::string>>& headers,
                                   std::string_view body) {
  std::string raw;
  raw.append(method).append(" ").append(target).append(" HTTP/1.1\r\nHost: 127.0.0.1\r\n");
  bool has_length = false;
  for (const auto& [name, value] : headers) {
    raw.append(name).append(": ").append(value).append("\r\n");
    has_length =
        has_length || iequals(name, "Content-Length") || iequals(name, "Transfer-Encoding");
  }
  if (!body.empty() && !has_length) {
    raw.append("Content-Length: ").append(std::to_string(body.size())).append("\r\n");
  }
  raw.append("\r\n").append(body);
  send(raw);
  return read_response(method == "HEAD");
}

std::optional<std::string> TestClient::read_until_closed(std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  for (;;) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) return std::nullopt;
    try {
      if (!receive_some(left)) return std::exchange(pending_, {});
    } catch (const std::runtime_error&) {
      return std::nullopt;  // still open at the deadline
    }
  }
}

ClientResponse fetch(std::uint16_t port, std::string_view method, std::string_view target,
                     const std::vector<std::pair<std::string, std::string>>& headers,
                     std::string_view body) {
  TestClient client(port);
  return client.request(method, target, headers, body);
}

std::vector<std::string> CapturingSink::lines() {
  const std::lock_guard lock(lines_mutex_);
  return lines_;
}

void CapturingSink::sink_it_(const spdlog::details::log_msg& msg) {
  spdlog::memory_buf_t formatted;
  formatter_->format(msg, formatted);
  std::string line(formatted.data(), formatted.size());
  while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.pop_back();
  const std::lock_guard lock(lines_mutex_);
  lines_.push_back(std::move(line));
}

ServerConfig test_config(std::shared_ptr<CapturingSink> sink) {
  ServerConfig config;
  config.address = "127.0.0.1";
  config.port = 0;
  config.threads = 2;
  config.read_timeout = std::chrono::seconds(5);
  config.idle_timeout = std::chrono::seconds(5);
  config.write_timeout = std::chrono::seconds(5);
  config.shutdown_timeout = std::chrono::seconds(5);
  auto logger = std::make_shared<spdlog::logger>("http-test", std::move(sink));
  logger->set_pattern("%v");
  config.logger = std::move(logger);
  return config;
}

TestServer::TestServer(const Setup& setup, const std::function<void(ServerConfig&)>& adjust)
    : sink_(std::make_shared<CapturingSink>()) {
  if (setup) setup(router_, metrics_);
  ServerConfig config = test_config(sink_);
  if (adjust) adjust(config);
  server_ = std::make_unique<HttpServer>(std::move(config), router_, metrics_);
  server_->start();
}

TestServer::~TestServer() { server_->stop(); }

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::optional<double> metric_value(std::string_view page, std::string_view series) {
  while (!page.empty()) {
    const auto eol = page.find('\n');
    const std::string_view line = page.substr(0, eol);
    page = eol == std::string_view::npos ? std::string_view{} : page.substr(eol + 1);
    if (line.size() > series.size() && line.starts_with(series) && line[series.size()] == ' ') {
      return std::stod(std::string(line.substr(series.size() + 1)));
    }
  }
  return std::nullopt;
}

}  // namespace motcua::http::testing
