#include "integrations/http/json_post_adapter.hpp"

#include "integrations/http/json_post.hpp"

namespace motcua::integrations {

JsonPostAdapter::JsonPostAdapter(std::string url, std::string option,
                                 std::chrono::milliseconds timeout)
    : url_(std::move(url)), option_(std::move(option)), timeout_(timeout) {}

std::string JsonPostAdapter::endpoint() const {
  if (url_.empty()) return "not configured (" + option_ + ")";
  // Credentials in a URL (user:password@) are not shown to anyone.
  const auto scheme_end = url_.find("://");
  const auto at = url_.find('@');
  const auto path = url_.find('/', scheme_end == std::string::npos ? 0 : scheme_end + 3);
  if (scheme_end != std::string::npos && at != std::string::npos && (at < path)) {
    return url_.substr(0, scheme_end + 3) + url_.substr(at + 1);
  }
  return url_;
}

app::delivery::DeliveryResult JsonPostAdapter::deliver(
    const app::delivery::OutgoingMessage& message) {
  if (url_.empty()) {
    return {app::delivery::DeliveryOutcome::retry, "", "not configured: " + option_};
  }
  return post_json({.url = url_,
                    .body = message.payload,
                    .idempotency_key = message.idempotency_key,
                    .headers = {},
                    .total_timeout = timeout_});
}

}  // namespace motcua::integrations
