// Cookies and query strings, read by every request's handler: the input is a Cookie header value
// and a request-target, separated by a newline. The cookie is looked up by name, the target split
// and decoded, and each path segment decoded as the router does.
#include <cstddef>
#include <cstdint>
#include <string>

#include "http/http_types.hpp"
#include "http/request_target.hpp"
#include "support/fuzz_input.hpp"

using namespace motcua;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto [cookie, target_text] = fuzz::split_once(fuzz::as_text(data, size), "\n");
  http::HttpRequest req;
  req.headers.emplace_back("Cookie", std::string(cookie));
  req.headers.emplace_back("cookie", std::string(target_text));
  (void)req.cookie("motcua_session");
  (void)req.cookie("motcua_csrf");
  (void)req.cookie("");

  (void)http::percent_decode(target_text);
  if (auto target = http::parse_target(target_text)) {
    req.query = std::move(target->query);
    (void)req.query_value("page");
    (void)req.query_value("");
    (void)http::decode_segments(target->path);
  }
  (void)http::decode_segments(target_text);
  return 0;
}
