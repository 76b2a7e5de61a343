// The National Public Service Portal adapter of topic "national_portal.sync": POSTs each outbox
// row's sync record (codec/portal_sync_record.hpp) to {portal-url}/dossiers with the row's
// Idempotency-Key, classified by integrations/http/json_post (docs/integrations.md). The real
// portal's API is not public; tools/emulators/national_portal.py stands in for it in tests and the
// demo.
#pragma once

#include <string>

#include "app/delivery/delivery_port.hpp"

namespace motcua::integrations {

class NationalPortalAdapter final : public app::delivery::DeliveryAdapter {
 public:
  // `base_url` is the portal's origin and path prefix, without the trailing "/dossiers"; empty
  // leaves the connection unconfigured (messages stay pending).
  explicit NationalPortalAdapter(std::string base_url);
  bool configured() const override;
  std::string endpoint() const override;
  app::delivery::DeliveryResult deliver(const app::delivery::OutgoingMessage& message) override;

 private:
  std::string base_url_;
};

// "{base}/{path}" with exactly one slash between them.
std::string portal_url(const std::string& base_url, const std::string& path);

}  // namespace motcua::integrations
