#include "codec/postal_order.hpp"

#include <boost/json.hpp>

namespace motcua::codec {

namespace json = boost::json;

namespace {

json::object party_json(const PostalParty& p) {
  return {{"name", p.name}, {"phone", p.phone}, {"address", p.address}};
}

std::string text_at(const json::object& o, const char* key) {
  const auto* v = o.if_contains(key);
  return v && v->is_string() ? std::string(v->get_string()) : std::string();
}

PostalParty party_of(const json::object& o, const char* key) {
  const auto* v = o.if_contains(key);
  if (!v || !v->is_object()) return {};
  const auto& p = v->get_object();
  return {text_at(p, "name"), text_at(p, "phone"), text_at(p, "address")};
}

std::int64_t integer_at(const json::object& o, const char* key) {
  const auto* v = o.if_contains(key);
  return v && v->is_int64() ? v->get_int64() : 0;
}

}  // namespace

std::string postal_order_to_text(const PostalOrderPayload& order) {
  return json::serialize(json::object{{"kind", order.kind},
                                      {"dossier_id", order.dossier_id},
                                      {"dossier_code", order.dossier_code},
                                      {"sender", party_json(order.sender)},
                                      {"receiver", party_json(order.receiver)},
                                      {"cod_vnd", order.cod_vnd},
                                      {"weight_g", order.weight_g},
                                      {"content", order.content}});
}

tl::expected<PostalOrderPayload, std::string> postal_order_from_text(const std::string& text) {
  boost::system::error_code ec;
  const auto value = json::parse(text, ec);
  if (ec || !value.is_object()) return tl::unexpected(std::string("not a JSON object"));
  const auto& o = value.get_object();
  PostalOrderPayload order{text_at(o, "kind"),         text_at(o, "dossier_id"),
                           text_at(o, "dossier_code"), party_of(o, "sender"),
                           party_of(o, "receiver"),    integer_at(o, "cod_vnd"),
                           integer_at(o, "weight_g"),  text_at(o, "content")};
  if (order.kind != "pickup" && order.kind != "delivery")
    return tl::unexpected("unknown kind '" + order.kind + "'");
  if (order.receiver.address.empty() || order.sender.address.empty())
    return tl::unexpected(std::string("an address is missing"));
  return order;
}

}  // namespace motcua::codec

namespace motcua::codec {

std::string postal_event_to_text(const std::string& kind, const std::string& tracking_number,
                                 const std::string& note) {
  return boost::json::serialize(
      boost::json::object{{"kind", kind}, {"tracking_number", tracking_number}, {"note", note}});
}

}  // namespace motcua::codec
