#include "app/exchange/exchange_outbox.hpp"

#include "codec/exchange_wire.hpp"
#include "store/exchange_repository.hpp"
#include "store/outbox.hpp"

namespace motcua::app::exchange {

AppResult<QueuedMessage> queue_exchange_message(
    store::SqlConnection& db, const std::string& self_id, const std::string& partner_id,
    const std::string& kind, const std::string& key, const std::string& body,
    const std::string& order_key, const std::string& now_iso, std::int64_t now_s) {
  if (self_id.empty())
    return tl::unexpected(conflict("exchange_not_configured",
                                   "Hệ thống này chưa cấu hình liên thông (--instance-id).",
                                   "Exchange is not configured on this instance (--instance-id)."));
  const auto partner = store::find_exchange_partner(db, partner_id);
  if (!partner) return tl::unexpected(not_found("exchange partner " + partner_id));
  std::string base = partner->base_url;
  while (!base.empty() && base.back() == '/') base.pop_back();
  const std::string message_id = self_id + ":" + key;
  const codec::ExchangeOutgoing outgoing{base + "/api/v1/exchange/messages", message_id, partner_id,
                                         kind, body};
  const bool written =
      store::enqueue_outbox(db, "exchange", message_id, codec::exchange_outgoing_to_text(outgoing),
                            now_iso, now_s, order_key);
  return QueuedMessage{message_id, written};
}

}  // namespace motcua::app::exchange
