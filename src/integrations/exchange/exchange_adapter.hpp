// The "exchange" topic: messages to partner MotCua instances (docs/integrations.md "Exchange
// between MotCua instances"). At each attempt the adapter stamps `from` (this instance) and
// `sent_at` (now), adds the bytes of the papers the body lists (from the file store: the outbox
// row holds only their sha256), signs the envelope with this instance's Ed25519 key and POSTs it
// through post_json to the partner's /api/v1/exchange/messages. The partner answers with a signed
// receipt: it counts only when it verifies with a key the administrator registered for that
// partner, is addressed to this instance and acknowledges this message id; anything else is not a
// receipt and the message is tried again. The receipt's reference (the child dossier of a
// transfer) is the partner_ref.
// Without an Idempotency-Key header: each attempt is signed anew, so its bytes differ; the
// receiver recognises a retry by its message id and content (app/exchange/exchange_inbox.hpp).
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "app/delivery/delivery_port.hpp"
#include "app/exchange/partners.hpp"

namespace motcua::integrations {

// The registered keys of a partner, read when its receipt arrives (keys rotate).
using PartnerKeyLookup =
    std::function<std::vector<app::exchange::PartnerKey>(const std::string& partner_id)>;

class ExchangeAdapter final : public app::delivery::DeliveryAdapter {
 public:
  // `now_iso`: the time stamped on each attempt (ISO 8601 with offset). `uploads_dir`: the file
  // store of papers (store/file_blobs.hpp).
  ExchangeAdapter(app::exchange::InstanceIdentity self, std::function<std::string()> now_iso,
                  PartnerKeyLookup partner_keys, std::string uploads_dir);
  bool configured() const override { return !self_.id.empty(); }
  std::string endpoint() const override;
  app::delivery::DeliveryResult deliver(const app::delivery::OutgoingMessage& message) override;

 private:
  app::exchange::InstanceIdentity self_;
  std::function<std::string()> now_iso_;
  PartnerKeyLookup partner_keys_;
  std::string uploads_dir_;
};

// The receipt's reference, when `answer` is a receipt envelope from `partner` to `self_id` for
// `message_id`, signed by one of `keys` (valid at its sent_at, within the window of `now`).
std::optional<std::string> read_receipt_reference(
    const std::string& answer, const std::string& partner, const std::string& self_id,
    const std::string& message_id, const std::vector<app::exchange::PartnerKey>& keys, Instant now);

}  // namespace motcua::integrations
