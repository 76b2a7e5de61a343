// Outgoing HTTP for the adapters (portal, post, SMS gateway, Zalo, webhooks, other MotCua
// instances), on Debian's libcurl: TLS, redirects refused, connect and total timeouts, and no
// response body larger than a cap, so a slow or hostile partner cannot stall or flood a worker.
#pragma once

#include <chrono>
#include <string>
#include <utility>
#include <vector>

namespace motcua::integrations {

struct HttpRequest {
  std::string method = "POST";  // GET, POST, PUT
  std::string url;
  std::vector<std::pair<std::string, std::string>> headers;  // name, value
  std::string body;
  std::chrono::milliseconds connect_timeout{3000};
  std::chrono::milliseconds total_timeout{10000};
  std::size_t max_response_bytes = 1 << 20;
};

struct HttpResponse {
  int status = 0;     // 0 when no answer came (see `error`)
  std::string body;   // capped at max_response_bytes
  std::string error;  // transport error (refused, timeout, TLS); empty when an answer came
  std::vector<std::pair<std::string, std::string>> headers;  // names lower-cased

  bool answered() const { return status != 0; }
  bool ok() const { return status >= 200 && status < 300; }
};

// Thread-safe: each call uses its own handle.
HttpResponse http_send(const HttpRequest& request);

}  // namespace motcua::integrations
