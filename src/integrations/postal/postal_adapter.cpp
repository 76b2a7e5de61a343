#include "integrations/postal/postal_adapter.hpp"

#include <boost/json.hpp>

#include "codec/postal_order.hpp"
#include "integrations/http/json_post.hpp"

namespace motcua::integrations {

namespace json = boost::json;

std::optional<std::string> vnpost_order_body(const std::string& payload,
                                             const std::string& order_number, std::string& error) {
  auto order = codec::postal_order_from_text(payload);
  if (!order) {
    error = "not a postal order: " + order.error();
    return std::nullopt;
  }
  const json::object body{
      {"OrderCode", order_number},
      {"SenderFullname", order->sender.name},
      {"SenderAddress", order->sender.address},
      {"SenderTel", order->sender.phone},
      {"ReceiverFullname", order->receiver.name},
      {"ReceiverAddress", order->receiver.address},
      {"ReceiverTel", order->receiver.phone},
      {"CodAmount", order->cod_vnd},
      {"Weight", order->weight_g},
      // Administrative procedure papers travel as documents with a proof of delivery.
      {"ServiceName", "TTHC"},
      {"PackageContent", order->content},
      {"IsPackageViewable", false},
      // 1: the post collects at the sender's address (a pickup); 2: the sender drops it at a post
      // office (the one-stop unit hands results to the post's counter).
      {"PickupType", order->kind == "pickup" ? 1 : 2},
      {"Note", order->kind == "pickup" ? "Thu gom hồ sơ TTHC " + order->dossier_code
                                       : "Trả kết quả TTHC " + order->dossier_code},
  };
  return json::serialize(body);
}

std::optional<std::string> read_item_code(const std::string& body) {
  boost::system::error_code ec;
  const auto value = json::parse(body, ec);
  if (ec || !value.is_object()) return std::nullopt;
  const auto* code = value.get_object().if_contains("ItemCode");
  if (!code || !code->is_string() || code->get_string().empty()) return std::nullopt;
  return std::string(code->get_string());
}

app::delivery::DeliveryResult PostalAdapter::deliver(
    const app::delivery::OutgoingMessage& message) {
  if (!configured())
    return {app::delivery::DeliveryOutcome::retry, "", "not configured: --post-url"};
  std::string error;
  const auto body = vnpost_order_body(message.payload, message.idempotency_key, error);
  if (!body) return {app::delivery::DeliveryOutcome::dead, "", error};
  JsonPost post{base_url_ + "/customer-partner/CreateOrder", *body, message.idempotency_key, {}};
  if (!token_.empty()) post.headers.emplace_back("h-token", token_);
  return post_json(post, read_item_code);
}

}  // namespace motcua::integrations
