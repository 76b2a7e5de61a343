// A logged-in API user for black-box tests: keeps the session cookie and the CSRF token and sends
// JSON requests to the real server.
#pragma once

#include <boost/json.hpp>

#include "http_client.hpp"

namespace motcua::testing {

struct ApiResult {
  int status = 0;
  boost::json::value body;
  HttpResult raw;
};

class ApiClient {
 public:
  explicit ApiClient(int port) : port_(port) {}

  // Logs in; returns the HTTP status.
  int login(const std::string& username, const std::string& password) {
    const auto body =
        boost::json::serialize(boost::json::object{{"username", username}, {"password", password}});
    auto r = http_request(port_, "POST", "/api/v1/session", {{"Content-Type", "application/json"}},
                          body);
    if (r.status == 200) {
      const auto cookie = r.header("Set-Cookie");
      cookie_ = cookie.substr(0, cookie.find(';'));
      csrf_ = std::string(boost::json::parse(r.body).at("csrf_token").as_string());
    }
    return r.status;
  }

  ApiResult get(const std::string& target) const { return call("GET", target, {}, {}); }

  ApiResult post(const std::string& target, const boost::json::value& body,
                 const std::string& idempotency_key = {}) const {
    std::vector<std::pair<std::string, std::string>> headers = {
        {"Content-Type", "application/json"}};
    if (!idempotency_key.empty()) headers.emplace_back("Idempotency-Key", idempotency_key);
    return call("POST", target, boost::json::serialize(body), headers);
  }

  ApiResult call(const std::string& method, const std::string& target, const std::string& body,
                 std::vector<std::pair<std::string, std::string>> headers,
                 bool with_csrf = true) const {
    if (!cookie_.empty()) headers.emplace_back("Cookie", cookie_);
    if (with_csrf && !csrf_.empty() && method != "GET") headers.emplace_back("X-CSRF-Token", csrf_);
    ApiResult result;
    result.raw = http_request(port_, method, target, headers, body);
    result.status = result.raw.status;
    boost::system::error_code ec;
    result.body = result.raw.body.empty() ? boost::json::value(nullptr)
                                          : boost::json::parse(result.raw.body, ec);
    return result;
  }

  const std::string& cookie() const { return cookie_; }

 private:
  int port_;
  std::string cookie_;
  std::string csrf_;
};

}  // namespace motcua::testing
