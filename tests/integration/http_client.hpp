// A minimal blocking HTTP/1.1 client for black-box tests: one request per connection
// (Connection: close), response read to the end and split into status, headers and body.
#pragma once

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <functional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace motcua::testing {

struct HttpResult {
  int status = 0;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;

  std::string header(std::string name) const {
    std::transform(name.begin(), name.end(), name.begin(), ::tolower);
    for (const auto& [k, v] : headers) {
      std::string lower = k;
      std::transform(lower.begin(), lower.end(), lower.begin(), ::tolower);
      if (lower == name) return v;
    }
    return {};
  }
};

// Sees every response the tests receive; the contract check (contract_check_test.cpp) installs
// itself here so each JSON answer is validated against docs/api/openapi.json.
using ResponseObserver =
    std::function<void(const std::string& method, const std::string& target,
                       const std::string& request_body, const HttpResult& response)>;
inline ResponseObserver& response_observer() {
  static ResponseObserver observer;
  return observer;
}

inline HttpResult http_request(int port, const std::string& method, const std::string& target,
                               const std::vector<std::pair<std::string, std::string>>& headers = {},
                               const std::string& body = {}) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) throw std::runtime_error("socket failed");
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<std::uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  timeval timeout{30, 0};
  ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    ::close(fd);
    throw std::runtime_error("connect failed");
  }
  std::string request =
      method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n";
  for (const auto& [k, v] : headers) request += k + ": " + v + "\r\n";
  if (!body.empty() || method == "POST" || method == "PUT") {
    request += "Content-Length: " + std::to_string(body.size()) + "\r\n";
  }
  request += "\r\n" + body;
  for (std::size_t sent = 0; sent < request.size();) {
    const auto n = ::send(fd, request.data() + sent, request.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) break;  // the server may refuse early (413); read what it said
    sent += static_cast<std::size_t>(n);
  }
  std::string raw;
  char buf[65536];
  for (;;) {
    const auto n = ::recv(fd, buf, sizeof buf, 0);
    if (n <= 0) break;
    raw.append(buf, static_cast<std::size_t>(n));
  }
  ::close(fd);
  HttpResult result;
  const auto head_end = raw.find("\r\n\r\n");
  if (head_end == std::string::npos) throw std::runtime_error("no complete response: " + raw);
  const std::string head = raw.substr(0, head_end);
  result.status = std::stoi(head.substr(9, 3));
  std::size_t pos = head.find("\r\n");
  while (pos != std::string::npos && pos < head.size()) {
    const auto next = head.find("\r\n", pos + 2);
    const std::string line =
        head.substr(pos + 2, next == std::string::npos ? std::string::npos : next - pos - 2);
    const auto colon = line.find(':');
    if (colon != std::string::npos) {
      std::string value = line.substr(colon + 1);
      while (!value.empty() && value.front() == ' ') value.erase(value.begin());
      result.headers.emplace_back(line.substr(0, colon), value);
    }
    pos = next;
  }
  result.body = raw.substr(head_end + 4);
  if (const auto& observe = response_observer()) observe(method, target, body, result);
  return result;
}

}  // namespace motcua::testing
