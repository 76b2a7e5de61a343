#include "codec/exchange_wire.hpp"

#include <boost/json.hpp>

namespace motcua::codec {

namespace json = boost::json;

std::string exchange_wire_to_text(const ExchangeWire& w) {
  return json::serialize(json::object{{"message_id", w.message_id},
                                      {"from", w.from},
                                      {"to", w.to},
                                      {"kind", w.kind},
                                      {"sent_at", w.sent_at},
                                      {"body", w.body},
                                      {"signature", w.signature}});
}

tl::expected<ExchangeWire, std::string> exchange_wire_from_text(const std::string& text) {
  json::error_code ec;
  const auto value = json::parse(text, ec);
  if (ec || !value.is_object()) return tl::unexpected(std::string("body"));
  const auto& o = value.as_object();
  ExchangeWire w;
  for (auto [name, target] :
       {std::pair{"message_id", &w.message_id}, std::pair{"from", &w.from}, std::pair{"to", &w.to},
        std::pair{"kind", &w.kind}, std::pair{"sent_at", &w.sent_at}, std::pair{"body", &w.body},
        std::pair{"signature", &w.signature}}) {
    const auto* v = o.if_contains(name);
    if (!v || !v->is_string()) return tl::unexpected(std::string(name));
    *target = std::string(v->as_string());
  }
  return w;
}

std::string exchange_receipt_body(const std::string& message_id, const std::string& reference) {
  return json::serialize(
      json::object{{"message_id", message_id}, {"reference", reference}, {"status", "accepted"}});
}

std::string exchange_outgoing_to_text(const ExchangeOutgoing& o) {
  return json::serialize(json::object{{"url", o.url},
                                      {"message_id", o.message_id},
                                      {"to", o.to},
                                      {"kind", o.kind},
                                      {"body", o.body}});
}

tl::expected<ExchangeOutgoing, std::string> exchange_outgoing_from_text(const std::string& text) {
  json::error_code ec;
  const auto value = json::parse(text, ec);
  if (ec || !value.is_object()) return tl::unexpected(std::string("payload"));
  const auto& o = value.as_object();
  ExchangeOutgoing out;
  for (auto [name, target] :
       {std::pair{"url", &out.url}, std::pair{"message_id", &out.message_id},
        std::pair{"to", &out.to}, std::pair{"kind", &out.kind}, std::pair{"body", &out.body}}) {
    const auto* v = o.if_contains(name);
    if (!v || !v->is_string()) return tl::unexpected(std::string(name));
    *target = std::string(v->as_string());
  }
  return out;
}

}  // namespace motcua::codec
