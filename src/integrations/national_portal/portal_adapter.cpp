#include "integrations/national_portal/portal_adapter.hpp"

#include "integrations/http/json_post.hpp"

namespace motcua::integrations {

std::string portal_url(const std::string& base_url, const std::string& path) {
  std::string base = base_url;
  while (!base.empty() && base.back() == '/') base.pop_back();
  return base + "/" + path;
}

NationalPortalAdapter::NationalPortalAdapter(std::string base_url)
    : base_url_(std::move(base_url)) {}

bool NationalPortalAdapter::configured() const { return !base_url_.empty(); }

std::string NationalPortalAdapter::endpoint() const {
  if (base_url_.empty()) return "not configured (--portal-url)";
  return portal_url(base_url_, "dossiers");
}

app::delivery::DeliveryResult NationalPortalAdapter::deliver(
    const app::delivery::OutgoingMessage& message) {
  if (!configured()) {
    return {app::delivery::DeliveryOutcome::retry, "", "not configured: --portal-url"};
  }
  // The emulator answers {"id": <its receipt id>}; any JSON object counts as taken.
  return post_json({endpoint(), message.payload, message.idempotency_key, {}});
}

}  // namespace motcua::integrations
